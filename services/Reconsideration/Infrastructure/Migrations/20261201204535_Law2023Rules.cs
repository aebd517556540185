using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Reconsideration.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Law2023Rules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "withdrawn_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "accepted_by_law",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "calendar_warning",
                table: "cases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deadline_history",
                table: "cases",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "deadlines_kept_before",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "extended_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "materials_due_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "materials_received_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "materials_requested_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "procedure_chosen_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "settled",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "suspensions",
                table: "cases",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "termination_ground",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Unspecified");

            migrationBuilder.AddColumn<string>(
                name: "withdrawal_reason",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            // Earlier versions kept only the open suspension's start and the total of closed suspended days. The open one
            // becomes an interval; the closed days become one interval from acceptance, which keeps every deadline as it
            // was (a deadline depends on the total only). The deadline history starts with the deadline stored.
            migrationBuilder.Sql("""
                UPDATE cases SET suspensions = (
                    CASE WHEN suspended_days > 0 AND accepted_on IS NOT NULL THEN jsonb_build_array(jsonb_build_object(
                        'From', accepted_on, 'To', accepted_on + suspended_days, 'Reason', 'before 2023 rules: dates not kept',
                        'StoppedClock', true, 'EndedByDecision', false)) ELSE '[]'::jsonb END
                    || CASE WHEN suspended_on IS NOT NULL THEN jsonb_build_array(jsonb_build_object(
                        'From', suspended_on, 'To', NULL, 'Reason', NULL, 'StoppedClock', true, 'EndedByDecision', false)) ELSE '[]'::jsonb END);
                UPDATE cases SET deadline_history = jsonb_build_array(jsonb_build_object('From', accepted_on, 'Deadline', deadline))
                WHERE accepted_on IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "suspended_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "suspended_days",
                table: "cases");
        }

/// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "accepted_by_law",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "calendar_warning",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "deadline_history",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "deadlines_kept_before",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "extended_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "materials_due_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "materials_received_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "materials_requested_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "procedure_chosen_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "settled",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "suspensions",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "termination_ground",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "withdrawal_reason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "withdrawn_on",
                table: "cases");

            migrationBuilder.AddColumn<DateOnly>(
                name: "suspended_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "suspended_days",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
