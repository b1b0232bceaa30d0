using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeanCallIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallRecords_CustomerId_Day",
                table: "CallRecords");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_CustomerId_Period_StartedAt",
                table: "CallRecords");

            migrationBuilder.DropIndex(
                name: "IX_CallRecords_NumberId",
                table: "CallRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_CustomerId_StartedAt",
                table: "CallRecords",
                columns: new[] { "CustomerId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CallRecords_CustomerId_StartedAt",
                table: "CallRecords");

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_CustomerId_Day",
                table: "CallRecords",
                columns: new[] { "CustomerId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_CustomerId_Period_StartedAt",
                table: "CallRecords",
                columns: new[] { "CustomerId", "Period", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CallRecords_NumberId",
                table: "CallRecords",
                column: "NumberId");
        }
    }
}
