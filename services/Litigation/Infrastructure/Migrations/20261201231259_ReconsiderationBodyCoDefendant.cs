using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Litigation.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReconsiderationBodyCoDefendant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "reconsideration_body_co_defendant",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reconsideration_body_co_defendant",
                table: "cases");
        }
    }
}
