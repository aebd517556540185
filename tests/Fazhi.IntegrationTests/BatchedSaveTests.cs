using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Reconsideration.Domain;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The group commit's write refuses what SaveChanges would refuse, and then writes nothing at all.</summary>
public sealed class BatchedSaveTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_case_changed_since_it_was_loaded_is_a_concurrency_conflict_and_its_audit_entry_is_not_written()
    {
        var created = await system.Cases.ReceiveAsync("410193", "2024-07-01");
        await system.Cases.AcceptAsync(created.Id, "2024-07-02");
        var id = Guid.Parse(created.Id);

        await using var first = system.Reconsideration.Services.CreateAsyncScope();
        await using var second = system.Reconsideration.Services.CreateAsyncScope();
        var early = await LoadAsync(first, id);
        var late = await LoadAsync(second, id);

        early.RecordHearing(new DateOnly(2024, 7, 10), Today);
        Assert.Equal(3, await SaveWithRowsAsync(first));

        late.RecordHearing(new DateOnly(2024, 7, 11), Today);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => SaveWithRowsAsync(second));

        await using var check = system.Reconsideration.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ReconsiderationDbContext>();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(3, stored.Version);
        Assert.Equal([new DateOnly(2024, 7, 10)], stored.HearingDates);
        Assert.Equal([1L, 2, 3], await db.Set<AuditEntry>().Where(e => e.EntityId == id).OrderBy(e => e.Version).Select(e => e.Version).ToListAsync());
        Assert.Equal(3, await system.OutboxRowsAsync(created.Id));
    }

    [Fact]
    public async Task A_duplicate_request_id_is_a_database_refusal_and_nothing_of_the_batch_is_written()
    {
        var created = await system.Cases.ReceiveAsync("410194", "2024-07-01");
        await using var scope = system.Reconsideration.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconsiderationDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var existing = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(created.Id));

        // A new case with a fresh request id and one repeating the existing case's, in one batch.
        var fresh = ReconsiderationCase.Receive(Guid.NewGuid(), "410194", new DateOnly(2024, 7, 2), ApplicantType.NaturalPerson,
            ActCategory.AdministrativePenalty, "某区市场监督管理局", "", Today, calendar);
        var repeated = ReconsiderationCase.Receive(existing.RequestId, "410194", new DateOnly(2024, 7, 3), ApplicantType.NaturalPerson,
            ActCategory.AdministrativePenalty, "某区市场监督管理局", "", Today, calendar);
        db.AddRange(fresh, repeated);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => SaveWithRowsAsync(scope));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);

        await using var check = system.Reconsideration.Services.CreateAsyncScope();
        var reread = check.ServiceProvider.GetRequiredService<ReconsiderationDbContext>();
        Assert.False(await reread.Cases.AnyAsync(c => c.Id == fresh.Id));
        Assert.False(await reread.Set<AuditEntry>().AnyAsync(e => e.EntityId == fresh.Id));
        Assert.Equal(0, await system.OutboxRowsAsync(fresh.Id.ToString()));
    }

    private static Task<ReconsiderationCase> LoadAsync(AsyncServiceScope scope, Guid id) =>
        scope.ServiceProvider.GetRequiredService<ReconsiderationDbContext>().Cases.SingleAsync(c => c.Id == id);

    /// <summary>What the group commit does: detect once, add the audit and outbox rows, write in one batch.</summary>
    private static Task<int> SaveWithRowsAsync(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<ReconsiderationDbContext>();
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rows = scope.ServiceProvider.GetServices<BeforeSaveInterceptor>().SelectMany(i => i.RowsFor(db)).ToList();
        return BatchedSave.SaveAsync(db, rows, CancellationToken.None);
    }
}
