using System.Text.Json;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Reconsideration.Infrastructure;

public sealed class ReconsiderationDbContext(DbContextOptions<ReconsiderationDbContext> options) : DbContext(options)
{
    // Property names as in C# (PascalCase): the 2023-rules migration writes existing rows' suspensions in this shape.
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.General);

    public DbSet<ReconsiderationCase> Cases => Set<ReconsiderationCase>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReconsiderationCase>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            // A repeated create with the same requestId hits this index instead of creating a second case.
            b.HasIndex(c => c.RequestId).IsUnique();
            b.HasIndex(c => new { c.Org, c.Status, c.Id });
            b.HasIndex(c => new { c.Org, c.ReceivedOn, c.Id });
            b.HasIndex(c => new { c.Org, c.Deadline }).HasFilter("status = 'Accepted'");
            b.Property(c => c.Org).HasMaxLength(20);
            b.Property(c => c.Respondent).HasMaxLength(200);
            b.Property(c => c.Summary).HasMaxLength(2000);
            b.Property(c => c.RejectionReason).HasMaxLength(2000);
            b.Property(c => c.ExtensionReason).HasMaxLength(2000);
            b.Property(c => c.VoidReason).HasMaxLength(2000);
            b.Property(c => c.CalendarVersion).HasMaxLength(50);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.ApplicantType).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.Procedure).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.WithdrawalReason).HasMaxLength(2000);
            b.Property(c => c.CalendarWarning).HasMaxLength(500);
            b.Property(c => c.TerminationGround).HasConversion<string>().HasMaxLength(40);
            b.Property<List<DateOnly>>("_hearingDates").HasColumnName("hearing_dates");
            b.Ignore(c => c.HearingDates);
            // Suspension intervals and the deadline history are read and written whole with their case: jsonb.
            b.Property<List<Suspension>>("_suspensions").HasJsonColumn("suspensions", StoredJson);
            b.Ignore(c => c.Suspensions);
            b.Property<List<DeadlineChange>>("_deadlineHistory").HasJsonColumn("deadline_history", StoredJson);
            b.Ignore(c => c.DeadlineHistory);
            // Two concurrent commands on one case: the second fails and is retried on fresh state.
            b.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddAuditTrail();
    }
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeFactory() : ServiceDesignTimeFactory<ReconsiderationDbContext>("fazhi_reconsideration");
