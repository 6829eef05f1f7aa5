using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuyBot.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatingsPerOption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SupplierRatings",
                table: "SupplierRatings");

            migrationBuilder.AddColumn<int>(
                name: "Option",
                table: "SupplierRatings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_SupplierRatings",
                table: "SupplierRatings",
                columns: new[] { "BuyId", "UserId", "Option" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SupplierRatings",
                table: "SupplierRatings");

            migrationBuilder.DropColumn(
                name: "Option",
                table: "SupplierRatings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SupplierRatings",
                table: "SupplierRatings",
                columns: new[] { "BuyId", "UserId" });
        }
    }
}
