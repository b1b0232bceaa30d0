using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BackOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Calls = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerRevenue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    HolderShare = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    PayoutOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HolderSnapshot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SellerSnapshot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tariff = table.Column<int>(type: "INTEGER", nullable: false),
                    Payout = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Calls = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerRevenue = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    HolderShare = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    PayoutOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementLines_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_StatementId",
                table: "StatementLines",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_CustomerId_Period",
                table: "Statements",
                columns: new[] { "CustomerId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Number",
                table: "Statements",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatementLines");

            migrationBuilder.DropTable(
                name: "Statements");
        }
    }
}
