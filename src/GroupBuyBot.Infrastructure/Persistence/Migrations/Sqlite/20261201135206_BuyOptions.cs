using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BuyOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignUps_GroupBuyId_UserId",
                table: "SignUps");

            migrationBuilder.AddColumn<int>(
                name: "Option",
                table: "SignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "MinimumPerOption",
                table: "GroupBuys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "GroupBuys",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_GroupBuyId_UserId_Option",
                table: "SignUps",
                columns: new[] { "GroupBuyId", "UserId", "Option" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SignUps_GroupBuyId_UserId_Option",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "Option",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "MinimumPerOption",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "Options",
                table: "GroupBuys");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_GroupBuyId_UserId",
                table: "SignUps",
                columns: new[] { "GroupBuyId", "UserId" },
                unique: true);
        }
    }
}
