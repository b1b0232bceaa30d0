using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Store.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Destination",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InboundDisplay",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PresentedAs",
                table: "Numbers",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PresentedNumber",
                table: "Numbers",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutingMode",
                table: "Numbers",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Schedule",
                table: "Numbers",
                type: "nvarchar(max)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "BlockedCallers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NumberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Caller = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Until = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    BlockedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedCallers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlockedCallers_Numbers_NumberId",
                        column: x => x.NumberId,
                        principalTable: "Numbers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuantityChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromQuantity = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Fee = table.Column<decimal>(type: "decimal(19,4)", precision: 19, scale: 4, nullable: false),
                    Rule = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Withdrawn = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuantityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuantityChanges_Subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "Subscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledDestinationChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NumberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Destination = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledDestinationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledDestinationChanges_Numbers_NumberId",
                        column: x => x.NumberId,
                        principalTable: "Numbers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BlockedCallers_NumberId_Caller",
                table: "BlockedCallers",
                columns: new[] { "NumberId", "Caller" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuantityChanges_SubscriptionId_EffectiveOn",
                table: "QuantityChanges",
                columns: new[] { "SubscriptionId", "EffectiveOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledDestinationChanges_NumberId",
                table: "ScheduledDestinationChanges",
                column: "NumberId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledDestinationChanges_Status_EffectiveAt",
                table: "ScheduledDestinationChanges",
                columns: new[] { "Status", "EffectiveAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BlockedCallers");

            migrationBuilder.DropTable(
                name: "QuantityChanges");

            migrationBuilder.DropTable(
                name: "ScheduledDestinationChanges");

            migrationBuilder.DropColumn(
                name: "Destination",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "InboundDisplay",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "PresentedAs",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "PresentedNumber",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "RoutingMode",
                table: "Numbers");

            migrationBuilder.DropColumn(
                name: "Schedule",
                table: "Numbers");
        }
    }
}
