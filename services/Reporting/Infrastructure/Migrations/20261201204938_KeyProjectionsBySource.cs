using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KeyProjectionsBySource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_projected_cases",
                table: "projected_cases");

            migrationBuilder.AddPrimaryKey(
                name: "pk_projected_cases",
                table: "projected_cases",
                columns: new[] { "source", "case_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_projected_cases",
                table: "projected_cases");

            migrationBuilder.AddPrimaryKey(
                name: "pk_projected_cases",
                table: "projected_cases",
                column: "case_id");
        }
    }
}
