using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Residents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "record_number_sequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    Next = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_number_sequences", x => x.Prefix);
                });

            migrationBuilder.CreateTable(
                name: "resident_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordNumber = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    RecordLast8 = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    NameInitials = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    DocumentType = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    IdLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    IdLast6 = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ResidenceType = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Abo = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Rh = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Education = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Occupation = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Marital = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Payments = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PaymentOther = table.Column<string>(type: "text", nullable: true),
                    DrugAllergies = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DrugAllergyOther = table.Column<string>(type: "text", nullable: true),
                    Exposures = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Surgeries = table.Column<string>(type: "text", nullable: false),
                    Traumas = table.Column<string>(type: "text", nullable: false),
                    Transfusions = table.Column<string>(type: "text", nullable: false),
                    FamilyHistory = table.Column<string>(type: "text", nullable: true),
                    GeneticDisease = table.Column<string>(type: "text", nullable: true),
                    Disabilities = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DisabilityOther = table.Column<string>(type: "text", nullable: true),
                    Living = table.Column<string>(type: "text", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CloseNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    PossibleDuplicate = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_residents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_residents_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_residents_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_members_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_household_members_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resident_conditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_conditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resident_conditions_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_HouseholdId_To",
                table: "household_members",
                columns: new[] { "HouseholdId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_ResidentId_To",
                table: "household_members",
                columns: new[] { "ResidentId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_households_DistrictId_CenterId_OrganizationId",
                table: "households",
                columns: new[] { "DistrictId", "CenterId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_record_number_sequences_DistrictId",
                table: "record_number_sequences",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_resident_changes_ResidentId_At",
                table: "resident_changes",
                columns: new[] { "ResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_conditions_DistrictId_Code",
                table: "resident_conditions",
                columns: new[] { "DistrictId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_conditions_ResidentId",
                table: "resident_conditions",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_BirthDate",
                table: "residents",
                columns: new[] { "DistrictId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_CenterId_OrganizationId",
                table: "residents",
                columns: new[] { "DistrictId", "CenterId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_IdLast4",
                table: "residents",
                columns: new[] { "DistrictId", "IdLast4" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_IdLast6",
                table: "residents",
                columns: new[] { "DistrictId", "IdLast6" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_IdNumber",
                table: "residents",
                columns: new[] { "DistrictId", "IdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_Name",
                table: "residents",
                columns: new[] { "DistrictId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_NameInitials",
                table: "residents",
                columns: new[] { "DistrictId", "NameInitials" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_Phone",
                table: "residents",
                columns: new[] { "DistrictId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_DistrictId_RecordLast8",
                table: "residents",
                columns: new[] { "DistrictId", "RecordLast8" });

            migrationBuilder.CreateIndex(
                name: "IX_residents_HouseholdId",
                table: "residents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_residents_OrganizationId",
                table: "residents",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_residents_RecordNumber",
                table: "residents",
                column: "RecordNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_residents_TeamId",
                table: "residents",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "record_number_sequences");

            migrationBuilder.DropTable(
                name: "resident_changes");

            migrationBuilder.DropTable(
                name: "resident_conditions");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "residents");
        }
    }
}
