using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Disclosure.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TableTwoStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statistics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    org = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    rules_issued = table.Column<int>(type: "integer", nullable: false),
                    rules_repealed = table.Column<int>(type: "integer", nullable: false),
                    rules_in_force = table.Column<int>(type: "integer", nullable: false),
                    normative_documents_issued = table.Column<int>(type: "integer", nullable: false),
                    normative_documents_repealed = table.Column<int>(type: "integer", nullable: false),
                    normative_documents_in_force = table.Column<int>(type: "integer", nullable: false),
                    licensing_decisions = table.Column<int>(type: "integer", nullable: false),
                    penalty_decisions = table.Column<int>(type: "integer", nullable: false),
                    compulsion_decisions = table.Column<int>(type: "integer", nullable: false),
                    fees_wan_yuan = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statistics", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_statistics_org_year",
                table: "statistics",
                columns: new[] { "org", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statistics");
        }
    }
}
