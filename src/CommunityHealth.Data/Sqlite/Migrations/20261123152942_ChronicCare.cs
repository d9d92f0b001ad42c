using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChronicCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chronic_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiagnosedAt = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DeregisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeregisterReason = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    DeregisterNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastClass = table.Column<int>(type: "INTEGER", nullable: true),
                    LastControlled = table.Column<bool>(type: "INTEGER", nullable: true),
                    NextVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsecutiveUnsatisfactory = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chronic_registrations_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chronic_visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ForHypertension = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForDiabetes = table.Column<bool>(type: "INTEGER", nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    HeartRate = table.Column<int>(type: "INTEGER", nullable: true),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Bmi = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    TargetBmi = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    HbA1c = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    HypertensionComputed = table.Column<int>(type: "INTEGER", nullable: true),
                    HypertensionClass = table.Column<int>(type: "INTEGER", nullable: true),
                    DiabetesComputed = table.Column<int>(type: "INTEGER", nullable: true),
                    DiabetesClass = table.Column<int>(type: "INTEGER", nullable: true),
                    BpControlled = table.Column<bool>(type: "INTEGER", nullable: true),
                    GlucoseControlled = table.Column<bool>(type: "INTEGER", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentReasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HypertensionReasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DiabetesReasons = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReferralAdvised = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposedNextVisit = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextVisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Doctor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Form = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chronic_visits_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_measurements_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ToFacility = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToDepartment = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    FollowUpBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResultNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referrals_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_CenterId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "CenterId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_DoctorId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "DoctorId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_OrganizationId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "OrganizationId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_Programme_RegisteredOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "Programme", "RegisteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_TeamId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "TeamId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_ResidentId_Programme",
                table: "chronic_registrations",
                columns: new[] { "ResidentId", "Programme" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_DistrictId_VisitDate",
                table: "chronic_visits",
                columns: new[] { "DistrictId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_ResidentId_VisitDate",
                table: "chronic_visits",
                columns: new[] { "ResidentId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_measurements_DistrictId_Kind_On",
                table: "measurements",
                columns: new[] { "DistrictId", "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_measurements_ResidentId_Kind_On",
                table: "measurements",
                columns: new[] { "ResidentId", "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_measurements_SourceId",
                table: "measurements",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_DistrictId_OrganizationId_Status_FollowUpBy",
                table: "referrals",
                columns: new[] { "DistrictId", "OrganizationId", "Status", "FollowUpBy" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ResidentId_IssuedAt",
                table: "referrals",
                columns: new[] { "ResidentId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_VisitId",
                table: "referrals",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chronic_registrations");

            migrationBuilder.DropTable(
                name: "chronic_visits");

            migrationBuilder.DropTable(
                name: "measurements");

            migrationBuilder.DropTable(
                name: "referrals");
        }
    }
}
