using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PopulationFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "population_figures",
                columns: table => new
                {
                    Id = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DistrictId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CenterId = table.Column<byte[]>(type: "BLOB", nullable: true),
                    OrganizationId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EnteredById = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_population_figures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_population_figures_DistrictId_Year",
                table: "population_figures",
                columns: new[] { "DistrictId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_population_figures_OrganizationId_Year_Group",
                table: "population_figures",
                columns: new[] { "OrganizationId", "Year", "Group" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_figures");
        }
    }
}
