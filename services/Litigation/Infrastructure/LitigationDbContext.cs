using System.Text.Json;
using System.Text.Json.Serialization;
using Fazhi.Litigation.Domain;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Litigation.Infrastructure;

public sealed class LitigationDbContext(DbContextOptions<LitigationDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions NoticeJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DbSet<LitigationCase> Cases => Set<LitigationCase>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LitigationCase>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            // A repeated create with the same requestId hits this index instead of creating a second case.
            b.HasIndex(c => c.RequestId).IsUnique();
            // 案号 are numbered by each court: the same number at two courts is two lawsuits, at one court a duplicate.
            b.HasIndex(c => new { c.Court, c.CaseNumber }).IsUnique();
            b.HasIndex(c => new { c.Org, c.Status, c.Id });
            b.HasIndex(c => new { c.Org, c.FiledOn, c.Id });
            b.Property(c => c.Org).HasMaxLength(20);
            b.Property(c => c.Court).HasMaxLength(100);
            b.Property(c => c.CaseNumber).HasMaxLength(60);
            b.Property(c => c.Defendant).HasMaxLength(200);
            b.Property(c => c.VoidReason).HasMaxLength(2000);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Instance).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Judgment).HasConversion<string>().HasMaxLength(20);
            // A case has a handful of notices, always read and written with it: one JSON column, no join.
            b.Property<List<CourtNotice>>("_notices").HasJsonColumn("notices", NoticeJson);
            b.Ignore(c => c.Notices);
            b.Ignore(c => c.Lawsuit);
            // Two concurrent commands on one case: the second fails and is retried on fresh state.
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<LitigationDbContext>("fazhi_litigation");
