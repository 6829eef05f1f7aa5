using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecurringBuys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TellNextTime",
                table: "SignUps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Rhythm",
                table: "GroupBuys",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<long>(
                name: "RhythmSuggestedAt",
                table: "GroupBuys",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TellWhenOpen",
                table: "GroupBuys",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TellNextTime",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "Rhythm",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "RhythmSuggestedAt",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "TellWhenOpen",
                table: "GroupBuys");
        }
    }
}
