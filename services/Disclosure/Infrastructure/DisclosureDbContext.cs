using Fazhi.Disclosure.Domain;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : DbContext(options)
{
    public DbSet<DisclosureRequest> Requests => Set<DisclosureRequest>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationDay> PublicationDays => Set<PublicationDay>();
    public DbSet<DisclosureStatistics> Statistics => Set<DisclosureStatistics>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DisclosureRequest>(b =>
        {
            b.ToTable("requests");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            // A repeated create with the same requestId hits this index instead of creating a second request.
            b.HasIndex(r => r.RequestId).IsUnique();
            b.HasIndex(r => new { r.Org, r.Status, r.Id });
            b.HasIndex(r => new { r.Org, r.ReceivedOn, r.Id });
            b.Property(r => r.Org).HasMaxLength(20);
            b.Property(r => r.Subject).HasMaxLength(2000);
            b.Property(r => r.ExtensionReason).HasMaxLength(2000);
            b.Property(r => r.VoidReason).HasMaxLength(2000);
            b.Property(r => r.CalendarVersion).HasMaxLength(50);
            b.Property(r => r.CalendarWarning).HasMaxLength(200);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            b.Property(r => r.ApplicantType).HasConversion<string>().HasMaxLength(40);
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(40);
            // Two concurrent commands on one request: the second fails and is retried on fresh state.
            b.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Publication>(b =>
        {
            b.ToTable("publications");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            // A retried batch finds its items by requestId; the index also stops two concurrent retries both inserting.
            b.HasIndex(p => p.RequestId).IsUnique();
            b.HasIndex(p => new { p.Org, p.PublishedOn });
            b.Property(p => p.Org).HasMaxLength(20);
            b.Property(p => p.Category).HasMaxLength(100);
            b.Property(p => p.Title).HasMaxLength(500);
        });
        modelBuilder.Entity<PublicationDay>(b =>
        {
            b.ToTable("publication_days");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            // One tally per organisation and day: two batches starting the same day's tally collide here and one retries.
            b.HasIndex(d => new { d.Org, d.PublishedOn }).IsUnique();
            b.Property(d => d.Org).HasMaxLength(20);
            b.Property(d => d.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DisclosureStatistics>(b =>
        {
            b.ToTable("statistics");
            b.HasKey(s => s.Id);
            // The id is derived from (org, year); the index makes the pair's uniqueness explicit and serves reads by it.
            b.Property(s => s.Id).ValueGeneratedNever();
            b.HasIndex(s => new { s.Org, s.Year }).IsUnique();
            b.Property(s => s.Org).HasMaxLength(20);
            b.Property(s => s.FeesWanYuan).HasPrecision(9, 4);
            b.Ignore(s => s.Figures);
            // Two puts of the same year at once: the second fails and runs again on the first's figures.
            b.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<DisclosureDbContext>("fazhi_disclosure");
