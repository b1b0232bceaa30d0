using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ResellerId",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ResellerId_LegalName",
                table: "Customers",
                columns: new[] { "ResellerId", "LegalName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ResellerId_LegalName",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ResellerId",
                table: "Customers",
                column: "ResellerId");
        }
    }
}
