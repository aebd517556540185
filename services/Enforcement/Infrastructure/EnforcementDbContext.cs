using System.Text.Json;
using System.Text.Json.Serialization;
using Fazhi.Enforcement.Domain;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Enforcement.Infrastructure;

public sealed class EnforcementDbContext(DbContextOptions<EnforcementDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DbSet<FileReview> Reviews => Set<FileReview>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Department> Departments => Set<Department>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Department>(b =>
        {
            b.ToTable("departments");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.HasIndex(d => d.RequestId).IsUnique();
            // One spelling per department and organisation: a second 市场监管局 would split its figures.
            b.HasIndex(d => new { d.Org, d.Name }).IsUnique();
            b.Property(d => d.Org).HasMaxLength(20);
            b.Property(d => d.Name).HasMaxLength(Department.MaxName);
            b.Property(d => d.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<FileReview>(b =>
        {
            b.ToTable("reviews");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.HasIndex(r => r.RequestId).IsUnique();
            // The same file reviewed twice in a year is refused unless the second is marked as a re-review; a voided
            // review no longer counts. The index decides, so two concurrent reviews of one file cannot both pass.
            b.HasIndex(r => new { r.Org, r.DepartmentId, r.FileNumber, r.ReviewYear }).IsUnique()
                .HasDatabaseName("ix_reviews_one_per_file_and_year")
                .HasFilter("re_review = false AND status <> 'Voided'");
            b.HasIndex(r => new { r.Org, r.ReviewedOn, r.Id });
            b.Property(r => r.Org).HasMaxLength(20);
            b.Property(r => r.FileNumber).HasMaxLength(FileReview.MaxFileNumber);
            b.Property(r => r.Score).HasPrecision(4, 1);
            b.Property(r => r.FileType).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Grade).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.VoidReason).HasMaxLength(2000);
            Problems(b.Property<List<EnforcementProblem>>("_problems"));
            b.Ignore(r => r.Problems);
            b.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Campaign>(b =>
        {
            b.ToTable("campaigns");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.HasIndex(c => c.RequestId).IsUnique();
            b.HasIndex(c => new { c.Org, c.Name }).IsUnique();
            b.HasIndex(c => new { c.Org, c.StartedOn, c.Id });
            b.Property(c => c.Org).HasMaxLength(20);
            b.Property(c => c.Name).HasMaxLength(Campaign.MaxName);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.VoidReason).HasMaxLength(2000);
            Problems(b.Property<List<EnforcementProblem>>("_problems"));
            b.Ignore(c => c.Problems);
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddAuditTrail();
    }

    // A review or campaign's problems are always read and written with it: one JSON column, no join.
    private static void Problems(PropertyBuilder<List<EnforcementProblem>> property) =>
        property.HasJsonColumn("problems", ProblemJson);
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<EnforcementDbContext>("fazhi_enforcement");
