using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Country",
                table: "Customers",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Line1",
                table: "Customers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_Line2",
                table: "Customers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrespondenceAddress_PostalCode",
                table: "Customers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SignupDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true)
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
