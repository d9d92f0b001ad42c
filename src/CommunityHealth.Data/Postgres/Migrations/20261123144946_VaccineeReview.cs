using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHealth.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VaccineeReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewOn",
                table: "vaccinees",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_vaccinees_Status_ReviewOn",
                table: "vaccinees",
                columns: new[] { "Status", "ReviewOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vaccinees_Status_ReviewOn",
                table: "vaccinees");

            migrationBuilder.DropColumn(
                name: "ReviewOn",
                table: "vaccinees");
        }
    }
}
