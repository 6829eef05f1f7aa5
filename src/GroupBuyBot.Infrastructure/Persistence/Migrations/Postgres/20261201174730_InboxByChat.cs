using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxByChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Inbox_ChatId_UpdateId",
                table: "Inbox",
                columns: new[] { "ChatId", "UpdateId" });

            migrationBuilder.CreateIndex(
                name: "IX_Inbox_ReceivedAt",
                table: "Inbox",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inbox_ChatId_UpdateId",
                table: "Inbox");

            migrationBuilder.DropIndex(
                name: "IX_Inbox_ReceivedAt",
                table: "Inbox");
        }
    }
}
