using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdNumberIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_residents_DistrictId_IdNumber",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "IX_residents_IdNumber",
                table: "residents",
                column: "IdNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_residents_IdNumber",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_IdNumber",
                table: "residents",
                columns: new[] { "DistrictId", "IdNumber" });
        }
    }
}
