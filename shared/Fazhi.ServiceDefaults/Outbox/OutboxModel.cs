using Microsoft.EntityFrameworkCore;

namespace Fazhi.ServiceDefaults.Outbox;

public static class OutboxModel
{
    /// <summary>Maps the outbox table into a service's own model, so its migrations create it.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).HasColumnName("id");
            b.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            b.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(200);
            // json, not jsonb: rows are written once and read once whole, so jsonb's parse on insert is wasted work.
            b.Property(m => m.Payload).HasColumnName("payload").HasColumnType("json");
            b.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            b.Property(m => m.CreatedAt).HasColumnName("created_at");
            b.Property(m => m.SentAt).HasColumnName("sent_at");
            // The relay's hot query: pending rows in order. Partial, so sent rows cost the index nothing.
            b.HasIndex(m => m.Sequence).HasDatabaseName("ix_outbox_pending").HasFilter("sent_at IS NULL");
        });
        return modelBuilder;
    }
}
