using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Immunization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "refrigerators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_refrigerators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vaccine_lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vaccine = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LotNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Expiry = table.Column<DateOnly>(type: "date", nullable: false),
                    DosesOnHand = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccine_lots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vaccinees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    GuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GuardianRelation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GuardianPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MotherHBsAg = table.Column<int>(type: "integer", nullable: false),
                    BirthWeightGrams = table.Column<int>(type: "integer", nullable: true),
                    Immunodeficient = table.Column<bool>(type: "boolean", nullable: false),
                    Ppd = table.Column<int>(type: "integer", nullable: true),
                    PpdDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ImmunoglobulinDates = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NextOverdueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueDoses = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HasContraindications = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccinees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaccinees_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "temperature_readings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RefrigeratorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Celsius = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    OutOfRange = table.Column<bool>(type: "boolean", nullable: false),
                    Action = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActionBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ActionAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_temperature_readings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_temperature_readings_refrigerators_RefrigeratorId",
                        column: x => x.RefrigeratorId,
                        principalTable: "refrigerators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccine_stock_movements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    LotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    BalanceAfter = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DoseId = table.Column<Guid>(type: "uuid", nullable: true),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccine_stock_movements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaccine_stock_movements_vaccine_lots_LotId",
                        column: x => x.LotId,
                        principalTable: "vaccine_lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "adverse_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccineeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoseId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnsetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Symptoms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Serious = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adverse_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adverse_events_vaccinees_VaccineeId",
                        column: x => x.VaccineeId,
                        principalTable: "vaccinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reminder_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccineeId = table.Column<Guid>(type: "uuid", nullable: false),
                    DedupKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Sender = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminder_messages_vaccinees_VaccineeId",
                        column: x => x.VaccineeId,
                        principalTable: "vaccinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccination_doses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccineeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Vaccine = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Series = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DoseNumber = table.Column<int>(type: "integer", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LotId = table.Column<Guid>(type: "uuid", nullable: true),
                    LotNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Manufacturer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Expiry = table.Column<DateOnly>(type: "date", nullable: true),
                    Site = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Route = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Nurse = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Valid = table.Column<bool>(type: "boolean", nullable: false),
                    ValidityReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OverrideReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Timely = table.Column<bool>(type: "boolean", nullable: false),
                    ObservedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ObservationNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccination_doses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaccination_doses_vaccine_lots_LotId",
                        column: x => x.LotId,
                        principalTable: "vaccine_lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vaccination_doses_vaccinees_VaccineeId",
                        column: x => x.VaccineeId,
                        principalTable: "vaccinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccinee_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccineeId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccinee_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaccinee_contacts_vaccinees_VaccineeId",
                        column: x => x.VaccineeId,
                        principalTable: "vaccinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vaccinee_contraindications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    VaccineeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vaccine = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vaccinee_contraindications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vaccinee_contraindications_vaccinees_VaccineeId",
                        column: x => x.VaccineeId,
                        principalTable: "vaccinees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_DistrictId_OnsetAt",
                table: "adverse_events",
                columns: new[] { "DistrictId", "OnsetAt" });

            migrationBuilder.CreateIndex(
                name: "IX_adverse_events_VaccineeId",
                table: "adverse_events",
                column: "VaccineeId");

            migrationBuilder.CreateIndex(
                name: "IX_refrigerators_OrganizationId_Name",
                table: "refrigerators",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reminder_messages_DedupKey",
                table: "reminder_messages",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reminder_messages_DistrictId_CreatedAt",
                table: "reminder_messages",
                columns: new[] { "DistrictId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reminder_messages_Status_NextAttemptAt",
                table: "reminder_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reminder_messages_VaccineeId",
                table: "reminder_messages",
                column: "VaccineeId");

            migrationBuilder.CreateIndex(
                name: "IX_temperature_readings_DistrictId_OutOfRange_ActionAt",
                table: "temperature_readings",
                columns: new[] { "DistrictId", "OutOfRange", "ActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_temperature_readings_RefrigeratorId_ReadAt",
                table: "temperature_readings",
                columns: new[] { "RefrigeratorId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_DistrictId_BirthDate",
                table: "vaccination_doses",
                columns: new[] { "DistrictId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_LotId",
                table: "vaccination_doses",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_ResidentId_GivenOn",
                table: "vaccination_doses",
                columns: new[] { "ResidentId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccination_doses_VaccineeId_GivenOn",
                table: "vaccination_doses",
                columns: new[] { "VaccineeId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccine_lots_DistrictId_Expiry",
                table: "vaccine_lots",
                columns: new[] { "DistrictId", "Expiry" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccine_lots_OrganizationId_Vaccine_LotNumber",
                table: "vaccine_lots",
                columns: new[] { "OrganizationId", "Vaccine", "LotNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vaccine_stock_movements_LotId_At",
                table: "vaccine_stock_movements",
                columns: new[] { "LotId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinee_contacts_VaccineeId",
                table: "vaccinee_contacts",
                column: "VaccineeId");

            migrationBuilder.CreateIndex(
                name: "IX_vaccinee_contraindications_VaccineeId",
                table: "vaccinee_contraindications",
                column: "VaccineeId");

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_BirthDate",
                table: "vaccinees",
                columns: new[] { "DistrictId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_CenterId_Status_NextDueDate",
                table: "vaccinees",
                columns: new[] { "DistrictId", "CenterId", "Status", "NextDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_CertificateNumber",
                table: "vaccinees",
                columns: new[] { "DistrictId", "CertificateNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_OrganizationId_Status_NextDueDate",
                table: "vaccinees",
                columns: new[] { "DistrictId", "OrganizationId", "Status", "NextDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_DistrictId_TeamId_Status_NextDueDate",
                table: "vaccinees",
                columns: new[] { "DistrictId", "TeamId", "Status", "NextDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_ResidentId",
                table: "vaccinees",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_Status_ReviewOn",
                table: "vaccinees",
                columns: new[] { "Status", "ReviewOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adverse_events");

            migrationBuilder.DropTable(
                name: "reminder_messages");

            migrationBuilder.DropTable(
                name: "temperature_readings");

            migrationBuilder.DropTable(
                name: "vaccination_doses");

            migrationBuilder.DropTable(
                name: "vaccine_stock_movements");

            migrationBuilder.DropTable(
                name: "vaccinee_contacts");

            migrationBuilder.DropTable(
                name: "vaccinee_contraindications");

            migrationBuilder.DropTable(
                name: "refrigerators");

            migrationBuilder.DropTable(
                name: "vaccine_lots");

            migrationBuilder.DropTable(
                name: "vaccinees");
        }
    }
}
