using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SmartNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "SmartNumber_DirectoryListed",
                table: "Numbers",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SmartNumber_GoLive",
                table: "Numbers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmartNumber_Payout",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SmartNumber_TariffAmount",
                table: "Numbers",
                type: "decimal(19,4)",
                precision: 19,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmartNumber_TariffKind",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmartNumber_TypeCode",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SmartNumber_UsageCategory",
                table: "Numbers",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SmartNumber_DirectoryListed",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_GoLive",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_Payout",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_TariffAmount",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_TariffKind",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_TypeCode",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "SmartNumber_UsageCategory",
                table: "Numbers");
        }
    }
}
