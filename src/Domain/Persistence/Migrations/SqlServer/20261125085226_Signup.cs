using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Signup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_City",
                table: "Customers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Country",
                table: "Customers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Line1",
                table: "Customers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Line2",
                table: "Customers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_PostalCode",
                table: "Customers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignupDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderJson = table.Column<string>(type: "nvarchar(max)", maxLength: 16000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignupDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignupDrafts_UpdatedAt",
                table: "SignupDrafts",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignupDrafts");

            migrationBuilder.DropColumn(
                name: "CorrespondenceAddress_City",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CorrespondenceAddress_Country",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CorrespondenceAddress_Line1",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CorrespondenceAddress_Line2",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "CorrespondenceAddress_PostalCode",
                table: "Customers");
        }
    }
}
