using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EnforcementBreakdowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "breakdown_labels",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    dimension = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    org = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breakdown_labels", x => new { x.source, x.dimension });
                });

            migrationBuilder.CreateTable(
                name: "daily_breakdowns",
                columns: table => new
                {
                    org = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    metric = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false, collation: "C"),
                    dimension = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_breakdowns", x => new { x.org, x.source, x.metric, x.dimension, x.day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "breakdown_labels");

            migrationBuilder.DropTable(
                name: "daily_breakdowns");
        }
    }
}
