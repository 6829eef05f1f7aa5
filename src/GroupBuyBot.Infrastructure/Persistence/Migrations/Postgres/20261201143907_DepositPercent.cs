using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DepositPercent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DepositPercent",
                table: "GroupBuys",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DepositPercent",
                table: "GroupBuys");
        }
    }
}
