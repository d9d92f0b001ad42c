using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "VaccineeId",
                table: "reminder_messages",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Programme",
                table: "reminder_messages",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ResidentId",
                table: "reminder_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reminder_opt_outs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    By = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminder_opt_outs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminder_opt_outs_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    CenterId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OverdueFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutcomeById = table.Column<Guid>(type: "uuid", nullable: true),
                    OutcomeBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_items_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reminder_messages_ResidentId",
                table: "reminder_messages",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_opt_outs_DistrictId",
                table: "reminder_opt_outs",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_reminder_opt_outs_ResidentId",
                table: "reminder_opt_outs",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_DistrictId_CenterId_Status_DueOn",
                table: "work_items",
                columns: new[] { "DistrictId", "CenterId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_DistrictId_DoctorId_Status_DueOn",
                table: "work_items",
                columns: new[] { "DistrictId", "DoctorId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_DistrictId_OrganizationId_Status_DueOn",
                table: "work_items",
                columns: new[] { "DistrictId", "OrganizationId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_DistrictId_TeamId_Status_DueOn",
                table: "work_items",
                columns: new[] { "DistrictId", "TeamId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_ResidentId_Status",
                table: "work_items",
                columns: new[] { "ResidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_SourceId_Status",
                table: "work_items",
                columns: new[] { "SourceId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_reminder_messages_residents_ResidentId",
                table: "reminder_messages",
                column: "ResidentId",
                principalTable: "residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_reminder_messages_residents_ResidentId",
                table: "reminder_messages");

            migrationBuilder.DropTable(
                name: "reminder_opt_outs");

            migrationBuilder.DropTable(
                name: "work_items");

            migrationBuilder.DropIndex(
                name: "IX_reminder_messages_ResidentId",
                table: "reminder_messages");

            migrationBuilder.DropColumn(
                name: "Programme",
                table: "reminder_messages");

            migrationBuilder.DropColumn(
                name: "ResidentId",
                table: "reminder_messages");

            migrationBuilder.AlterColumn<Guid>(
                name: "VaccineeId",
                table: "reminder_messages",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
