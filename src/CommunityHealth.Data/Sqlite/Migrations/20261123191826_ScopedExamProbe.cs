using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScopedExamProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_examinations_ResidentId_ExamDate",
                table: "examinations");

            migrationBuilder.CreateIndex(
                name: "IX_examinations_ResidentId_ExamDate_DistrictId_CenterId_OrganizationId",
                table: "examinations",
                columns: new[] { "ResidentId", "ExamDate", "DistrictId", "CenterId", "OrganizationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_examinations_ResidentId_ExamDate_DistrictId_CenterId_OrganizationId",
                table: "examinations");

            migrationBuilder.CreateIndex(
                name: "IX_examinations_ResidentId_ExamDate",
                table: "examinations",
                columns: new[] { "ResidentId", "ExamDate" });
        }
    }
}
