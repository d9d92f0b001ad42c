using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CertificateNumberWhenKnown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vaccinees_DistrictId_CertificateNumber",
                table: "vaccinees");

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_CertificateNumber",
                table: "vaccinees",
                columns: new[] { "DistrictId", "CertificateNumber" },
                unique: true,
                filter: "\"CertificateNumber\" <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vaccinees_DistrictId_CertificateNumber",
                table: "vaccinees");

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_CertificateNumber",
                table: "vaccinees",
                columns: new[] { "DistrictId", "CertificateNumber" },
                unique: true);
        }
    }
}
