using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImmunizationCohort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vaccination_doses_DistrictId_Series_DoseNumber_Valid",
                table: "vaccination_doses");

            migrationBuilder.AddColumn<bool>(
                name: "HasContraindications",
                table: "vaccinees",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BirthDate",
                table: "vaccination_doses",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_DistrictId_BirthDate",
                table: "vaccination_doses",
                columns: new[] { "DistrictId", "BirthDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vaccination_doses_DistrictId_BirthDate",
                table: "vaccination_doses");

            migrationBuilder.DropColumn(
                name: "HasContraindications",
                table: "vaccinees");

            migrationBuilder.DropColumn(
                name: "BirthDate",
                table: "vaccination_doses");

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_DistrictId_Series_DoseNumber_Valid",
                table: "vaccination_doses",
                columns: new[] { "DistrictId", "Series", "DoseNumber", "Valid" });
        }
    }
}
