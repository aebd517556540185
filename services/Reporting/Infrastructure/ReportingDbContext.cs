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

public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<ReportingDbContext>("fazhi_reporting");
