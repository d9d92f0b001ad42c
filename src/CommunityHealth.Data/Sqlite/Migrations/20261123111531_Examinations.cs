using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Examinations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "encounters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subjective = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Doctor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encounters_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "examinations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Doctor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    HeightCm = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Bmi = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    SelfCareScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Abnormal = table.Column<bool>(type: "INTEGER", nullable: true),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_examinations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_examinations_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_encounters_DistrictId_Date",
                table: "encounters",
                columns: new[] { "DistrictId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_encounters_ResidentId_Date",
                table: "encounters",
                columns: new[] { "ResidentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_examinations_DistrictId_ExamDate",
                table: "examinations",
                columns: new[] { "DistrictId", "ExamDate" });

            migrationBuilder.CreateIndex(
                name: "IX_examinations_ResidentId_ExamDate",
                table: "examinations",
                columns: new[] { "ResidentId", "ExamDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "encounters");

            migrationBuilder.DropTable(
                name: "examinations");
        }
    }
}
