using Microsoft.EntityFrameworkCore;

namespace Fazhi.ServiceDefaults.Audit;

public static class AuditModel
{
    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.EntityType).HasMaxLength(100);
            b.Property(e => e.Action).HasMaxLength(100);
            b.Property(e => e.Actor).HasMaxLength(200);
            b.Property(e => e.ActorRole).HasMaxLength(50);
            b.Property(e => e.ActorOrg).HasMaxLength(20);
            b.Property(e => e.Reason).HasMaxLength(2000);
            b.Property(e => e.Changes).HasColumnType("json");
            b.HasIndex(e => new { e.EntityId, e.Version });
        });
        return modelBuilder;
    }
}
