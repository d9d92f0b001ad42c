using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChronicVisitChainIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chronic_visits_ResidentId_VisitDate",
                table: "chronic_visits");

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_chain",
                table: "chronic_visits",
                columns: new[] { "ResidentId", "VisitDate", "CreatedAt", "Id", "HypertensionClass", "DiabetesClass", "Mode", "ForHypertension", "ForDiabetes", "BpControlled", "GlucoseControlled", "DistrictId", "CenterId", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chronic_visits_chain",
                table: "chronic_visits");

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_ResidentId_VisitDate",
                table: "chronic_visits",
                columns: new[] { "ResidentId", "VisitDate" });
        }
    }
}
