using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NeedBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DiscoveryEnabled",
                table: "Chats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BoardNeeds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Members = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActiveAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SuggestionMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    SuggestedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardNeeds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardNeeds_ChatId_Status",
                table: "BoardNeeds",
                columns: new[] { "ChatId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BoardNeeds_LastActiveAt",
                table: "BoardNeeds",
                column: "LastActiveAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardNeeds");

            migrationBuilder.DropColumn(
                name: "DiscoveryEnabled",
                table: "Chats");
        }
    }
}
