using Fazhi.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Reporting.Infrastructure;

/// <summary>Owns the reporting schema and its migrations; the hot paths use plain SQL over the same tables.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyCounter>(b =>
        {
            b.ToTable("daily_counters");
            // Collation "C" lets `org LIKE '4101%'` (a city rollup) use this index.
            b.Property(c => c.Org).HasMaxLength(20).UseCollation("C");
            b.Property(c => c.Metric).HasMaxLength(80).UseCollation("C");
            b.HasKey(c => new { c.Org, c.Metric, c.Day });
        });
        modelBuilder.Entity<ProjectedCase>(b =>
        {
            b.ToTable("projected_cases");
            // By source first: each service numbers its own cases, and a source is reset or rebuilt on its own.
            b.HasKey(c => new { c.Source, c.CaseId });
            b.Property(c => c.Source).HasMaxLength(40);
            b.Property(c => c.Contributions).HasColumnType("json");
        });
        modelBuilder.Entity<DailyBreakdown>(b =>
        {
            b.ToTable("daily_breakdowns");
            // Apart from daily_counters, so the totals' table, index and mirror are what they were without breakdowns.
            b.Property(c => c.Org).HasMaxLength(20).UseCollation("C");
            b.Property(c => c.Source).HasMaxLength(40);
            b.Property(c => c.Metric).HasMaxLength(80).UseCollation("C");
            b.Property(c => c.Dimension).HasMaxLength(120).UseCollation("C");
            b.HasKey(c => new { c.Org, c.Source, c.Metric, c.Dimension, c.Day });
        });
        modelBuilder.Entity<BreakdownLabelRow>(b =>
        {
            b.ToTable("breakdown_labels");
            b.HasKey(l => new { l.Source, l.Dimension });
            b.Property(l => l.Source).HasMaxLength(40);
            b.Property(l => l.Dimension).HasMaxLength(120).UseCollation("C");
            b.Property(l => l.Org).HasMaxLength(20).UseCollation("C");
            b.Property(l => l.Label).HasMaxLength(200);
        });
    }
}

/// <summary>One organisation's count of one metric on one business day.</summary>
public sealed class DailyCounter
{
    public string Org { get; set; } = "";
    public string Metric { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Value { get; set; }
}

/// <summary>
/// The last applied version of a case and exactly what it contributed, so the next version subtracts what was
/// added even if the rules that derived it have changed since.
/// </summary>
public sealed class ProjectedCase
{
    public Guid CaseId { get; set; }
    public string Source { get; set; } = "";
    public long Version { get; set; }
    public string Contributions { get; set; } = "[]";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One organisation's count of one metric within one breakdown row (a department, a file type) on one day.</summary>
public sealed class DailyBreakdown
{
    public string Org { get; set; } = "";
    public string Source { get; set; } = "";
    public string Metric { get; set; } = "";
    public string Dimension { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Value { get; set; }
}

/// <summary>The current display name of a breakdown row (a department's name), from the latest version of its case.</summary>
public sealed class BreakdownLabelRow
{
    public string Source { get; set; } = "";
    public string Dimension { get; set; } = "";
    public string Org { get; set; } = "";
    public string Label { get; set; } = "";
}

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<ReportingDbContext>("fazhi_reporting");
