using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AefiCaseReportCard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "adverse_events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Diagnosis",
                table: "adverse_events",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hospitalized",
                table: "adverse_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeCode",
                table: "adverse_events",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reactions",
                table: "adverse_events",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportedOn",
                table: "adverse_events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reporter",
                table: "adverse_events",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VisitedAt",
                table: "adverse_events",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Classification",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "Diagnosis",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "Hospitalized",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "OutcomeCode",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "Reactions",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "ReportedOn",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "Reporter",
                table: "adverse_events");

            migrationBuilder.DropColumn(
                name: "VisitedAt",
                table: "adverse_events");
        }
    }
}
