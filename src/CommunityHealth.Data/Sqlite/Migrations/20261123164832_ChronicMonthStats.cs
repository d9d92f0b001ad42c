using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChronicMonthStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chronic_registrations_DistrictId_Programme_RegisteredOn",
                table: "chronic_registrations");

            migrationBuilder.CreateTable(
                name: "chronic_month_stats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Visits = table.Column<int>(type: "INTEGER", nullable: false),
                    FaceToFace = table.Column<int>(type: "INTEGER", nullable: false),
                    LastVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastControlled = table.Column<bool>(type: "INTEGER", nullable: true),
                    NextMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeregisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_month_stats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chronic_month_stats_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_indicators",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "Programme", "OrganizationId", "RegisteredOn", "Status", "DeregisteredOn", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_month_stats_indicators",
                table: "chronic_month_stats",
                columns: new[] { "DistrictId", "Programme", "Year", "NextMonth", "OrganizationId", "Month", "RegisteredOn", "DeregisteredOn", "FaceToFace", "LastControlled", "ResidentId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_month_stats_ResidentId_Programme_Year_Month",
                table: "chronic_month_stats",
                columns: new[] { "ResidentId", "Programme", "Year", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chronic_month_stats");

            migrationBuilder.DropIndex(
                name: "IX_chronic_registrations_indicators",
                table: "chronic_registrations");

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_Programme_RegisteredOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "Programme", "RegisteredOn" });
        }
    }
}
