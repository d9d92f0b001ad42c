using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Entity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Id);
                });

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
                name: "resident_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Moves = table.Column<string>(type: "text", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_merges", x => x.Id);
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
                name: "organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DivisionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organizations_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_organizations_organizations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "organizations",
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
                name: "teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LeaderId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_teams_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grids_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_roles", x => new { x.StaffId, x.Role });
                    table.ForeignKey(
                        name: "FK_staff_roles_AspNetUsers_StaffId",
                        column: x => x.StaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chronic_month_stats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    FaceToFace = table.Column<int>(type: "integer", nullable: false),
                    LastVisitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastControlled = table.Column<bool>(type: "boolean", nullable: true),
                    NextMonth = table.Column<int>(type: "integer", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeregisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chronic_month_stats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chronic_month_stats_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chronic_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DiagnosedAt = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoctorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DeregisteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeregisterReason = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    DeregisterNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastClass = table.Column<int>(type: "integer", nullable: true),
                    LastControlled = table.Column<bool>(type: "boolean", nullable: true),
                    NextVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsecutiveUnsatisfactory = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    AgeYears = table.Column<int>(type: "integer", nullable: false),
                    ForHypertension = table.Column<bool>(type: "boolean", nullable: false),
                    ForDiabetes = table.Column<bool>(type: "boolean", nullable: false),
                    Systolic = table.Column<int>(type: "integer", nullable: true),
                    Diastolic = table.Column<int>(type: "integer", nullable: true),
                    HeartRate = table.Column<int>(type: "integer", nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Bmi = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    TargetBmi = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    HbA1c = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    HypertensionComputed = table.Column<int>(type: "integer", nullable: true),
                    HypertensionClass = table.Column<int>(type: "integer", nullable: true),
                    DiabetesComputed = table.Column<int>(type: "integer", nullable: true),
                    DiabetesClass = table.Column<int>(type: "integer", nullable: true),
                    BpControlled = table.Column<bool>(type: "boolean", nullable: true),
                    GlucoseControlled = table.Column<bool>(type: "boolean", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentReasons = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HypertensionReasons = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DiabetesReasons = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ReferralAdvised = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedNextVisit = table.Column<DateOnly>(type: "date", nullable: true),
                    NextVisitOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Doctor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Form = table.Column<string>(type: "text", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "encounters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Subjective = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Objective = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Assessment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Plan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Doctor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Doctor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Systolic = table.Column<int>(type: "integer", nullable: true),
                    Diastolic = table.Column<int>(type: "integer", nullable: true),
                    HeightCm = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    WeightKg = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Bmi = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    FastingGlucose = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    SelfCareScore = table.Column<int>(type: "integer", nullable: true),
                    Abnormal = table.Column<bool>(type: "boolean", nullable: true),
                    Form = table.Column<string>(type: "text", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "measurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Systolic = table.Column<int>(type: "integer", nullable: true),
                    Diastolic = table.Column<int>(type: "integer", nullable: true),
                    Value = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ToFacility = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToDepartment = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IssuedById = table.Column<Guid>(type: "uuid", nullable: true),
                    FollowUpBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResultNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                name: "IX_AspNetUserClaims_DistrictId",
                table: "AspNetUserClaims",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_DistrictId",
                table: "AspNetUserLogins",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DistrictId_CenterId",
                table: "AspNetUsers",
                columns: new[] { "DistrictId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganizationId",
                table: "AspNetUsers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TeamId",
                table: "AspNetUsers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserTokens_DistrictId",
                table: "AspNetUserTokens",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_DistrictId_At",
                table: "audit_entries",
                columns: new[] { "DistrictId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Entity_EntityId",
                table: "audit_entries",
                columns: new[] { "Entity", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_UserId_At",
                table: "audit_entries",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_month_stats_indicators",
                table: "chronic_month_stats",
                columns: new[] { "DistrictId", "Programme", "Year", "NextMonth", "OrganizationId", "Month", "RegisteredOn", "DeregisteredOn", "FaceToFace", "LastControlled", "ResidentId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_month_stats_ResidentId_Programme_Year_Month",
                table: "chronic_month_stats",
                columns: new[] { "ResidentId", "Programme", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_CenterId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "CenterId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_DoctorId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "DoctorId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_OrganizationId_Status_Next~",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "OrganizationId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_DistrictId_TeamId_Status_NextVisitOn",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "TeamId", "Status", "NextVisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_indicators",
                table: "chronic_registrations",
                columns: new[] { "DistrictId", "Programme", "OrganizationId", "RegisteredOn", "Status", "DeregisteredOn", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_registrations_ResidentId_Programme",
                table: "chronic_registrations",
                columns: new[] { "ResidentId", "Programme" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_chain",
                table: "chronic_visits",
                columns: new[] { "ResidentId", "VisitDate", "CreatedAt", "Id", "HypertensionClass", "DiabetesClass", "Mode", "ForHypertension", "ForDiabetes", "BpControlled", "GlucoseControlled", "DistrictId", "CenterId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_chronic_visits_DistrictId_VisitDate",
                table: "chronic_visits",
                columns: new[] { "DistrictId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_districts_DivisionCode",
                table: "districts",
                column: "DivisionCode",
                unique: true);

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
                name: "IX_examinations_ResidentId_ExamDate_DistrictId_CenterId_Organi~",
                table: "examinations",
                columns: new[] { "ResidentId", "ExamDate", "DistrictId", "CenterId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_grids_DistrictId_CenterId",
                table: "grids",
                columns: new[] { "DistrictId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_grids_TeamId_Name",
                table: "grids",
                columns: new[] { "TeamId", "Name" },
                unique: true);

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
                name: "IX_organizations_DistrictId_CenterId",
                table: "organizations",
                columns: new[] { "DistrictId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_organizations_DistrictId_DivisionCode",
                table: "organizations",
                columns: new[] { "DistrictId", "DivisionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organizations_ParentId",
                table: "organizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_record_number_sequences_DistrictId",
                table: "record_number_sequences",
                column: "DistrictId");

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
                name: "IX_resident_merges_MergedId",
                table: "resident_merges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_resident_merges_SurvivorId",
                table: "resident_merges",
                column: "SurvivorId");

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
                name: "IX_residents_IdNumber",
                table: "residents",
                column: "IdNumber");

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

            migrationBuilder.CreateIndex(
                name: "IX_staff_roles_DistrictId_Role",
                table: "staff_roles",
                columns: new[] { "DistrictId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_DistrictId_CenterId",
                table: "teams",
                columns: new[] { "DistrictId", "CenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_teams_OrganizationId_Name",
                table: "teams",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

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
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "chronic_month_stats");

            migrationBuilder.DropTable(
                name: "chronic_registrations");

            migrationBuilder.DropTable(
                name: "chronic_visits");

            migrationBuilder.DropTable(
                name: "encounters");

            migrationBuilder.DropTable(
                name: "examinations");

            migrationBuilder.DropTable(
                name: "grids");

            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "measurements");

            migrationBuilder.DropTable(
                name: "record_number_sequences");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "reminder_messages");

            migrationBuilder.DropTable(
                name: "resident_changes");

            migrationBuilder.DropTable(
                name: "resident_conditions");

            migrationBuilder.DropTable(
                name: "resident_merges");

            migrationBuilder.DropTable(
                name: "staff_roles");

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
                name: "households");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "refrigerators");

            migrationBuilder.DropTable(
                name: "vaccine_lots");

            migrationBuilder.DropTable(
                name: "vaccinees");

            migrationBuilder.DropTable(
                name: "residents");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "districts");
        }
    }
}
