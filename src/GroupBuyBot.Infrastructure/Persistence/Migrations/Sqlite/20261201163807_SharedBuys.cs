using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedBuys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FromChatId",
                table: "SignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Groups",
                table: "GroupBuys",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "IsShared",
                table: "GroupBuys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PooledWith",
                table: "BoardNeeds",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ChatLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherChatId = table.Column<long>(type: "INTEGER", nullable: false),
                    OtherTitle = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OtherByUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupBuys_IsShared_Status",
                table: "GroupBuys",
                columns: new[] { "IsShared", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatLinks_ChatId",
                table: "ChatLinks",
                column: "ChatId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatLinks_Code",
                table: "ChatLinks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChatLinks_OtherChatId",
                table: "ChatLinks",
                column: "OtherChatId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatLinks");

            migrationBuilder.DropIndex(
                name: "IX_GroupBuys_IsShared_Status",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "FromChatId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "Groups",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "IsShared",
                table: "GroupBuys");

            migrationBuilder.DropColumn(
                name: "PooledWith",
                table: "BoardNeeds");
        }
    }
}
