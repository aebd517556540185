using Fazhi.Contracts.IntegrationEvents;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>Duplicates, redeliveries and out-of-order versions leave the figures right.</summary>
public sealed class ExactlyOnceTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private static ReconsiderationCaseChanged Version(Guid id, string org, long version) => new()
    {
        CaseId = id,
        Version = version,
        Org = org,
        Status = version switch { 1 => "CASE_STATUS_RECEIVED", 2 => "CASE_STATUS_ACCEPTED", _ => "CASE_STATUS_DECIDED" },
        ReceivedOn = new DateOnly(2024, 2, 1),
        ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON",
        Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
        AcceptedOn = version >= 2 ? new DateOnly(2024, 2, 2) : null,
        Procedure = version >= 2 ? "PROCEDURE_ORDINARY" : null,
        Deadline = version >= 2 ? new DateOnly(2024, 4, 2) : null,
        DecidedOn = version >= 3 ? new DateOnly(2024, 3, 1) : null,
        Decision = version >= 3 ? "DECISION_REVOKE" : null,
        ChangedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task The_same_event_delivered_three_times_counts_once()
    {
        const string org = "410171";
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        var id = Guid.CreateVersion7();
        var messageId = NewId.NextGuid();
        var accepted = Version(id, org, 2);
        for (var i = 0; i < 3; i++) await bus.Publish(accepted, context => context.MessageId = messageId);

        // A later event of another case, published last, tells us the queue has been worked through.
        await bus.Publish(Version(Guid.CreateVersion7(), "410172", 1));
        await system.Reports.WaitForAsync("410172", 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 1);
        await Task.Delay(500);

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["reconsideration.received"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.accepted"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.pending"]);
    }

    [Fact]
    public async Task Versions_arriving_out_of_order_end_at_the_newest_state()
    {
        const string org = "410173";
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        var id = Guid.CreateVersion7();
        await bus.Publish(Version(id, org, 3));
        await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);
        await bus.Publish(Version(id, org, 1));
        await bus.Publish(Version(id, org, 2));
        await bus.Publish(Version(Guid.CreateVersion7(), "410174", 1));
        await system.Reports.WaitForAsync("410174", 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 1);
        await Task.Delay(500);

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["reconsideration.received"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.accepted"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.decided"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(0, ytd.Metrics["reconsideration.pending"]);
    }

    [Fact]
    public async Task Projector_applies_each_version_once_whatever_the_order()
    {
        const string org = "410175";
        var projector = system.Reporting.Services.GetRequiredService<CaseProjector>();
        var id = Guid.CreateVersion7();
        async Task<int> Apply(params long[] versions) => await projector.ApplyAsync("reconsideration",
            versions.Select(v => new CaseVersion(id, v, ReconsiderationFigures.Of(Version(id, org, v)))).ToList(), CancellationToken.None);

        Assert.Equal(1, await Apply(2));
        Assert.Equal(0, await Apply(2));
        Assert.Equal(0, await Apply(1));
        // Several versions of one case in one batch: only the newest counts.
        Assert.Equal(1, await Apply(1, 3, 2));
        Assert.Equal(0, await Apply(2));

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["reconsideration.accepted"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.decided"]);
        Assert.Equal(0, ytd.Metrics["reconsideration.pending"]);
    }

    [Fact]
    public async Task Concurrent_versions_of_many_cases_sum_exactly()
    {
        const string org = "410176";
        var projector = system.Reporting.Services.GetRequiredService<CaseProjector>();
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToList();
        // Every case's three versions in a shuffled order, applied 8 at a time: the same hot counter rows contend.
        var work = ids.SelectMany(id => new long[] { 1, 2, 3, 2 }.Select(v => (id, v))).OrderBy(_ => Random.Shared.Next()).ToList();
        // Batches of five overlapping in cases and counters, eight at a time.
        await Parallel.ForEachAsync(work.Chunk(5), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
            await projector.ApplyAsync("reconsideration",
                chunk.Select(item => new CaseVersion(item.id, item.v, ReconsiderationFigures.Of(Version(item.id, org, item.v)))).ToList(), ct));

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(40, ytd.Metrics["reconsideration.received"]);
        Assert.Equal(40, ytd.Metrics["reconsideration.accepted"]);
        Assert.Equal(40, ytd.Metrics["reconsideration.decided"]);
        Assert.Equal(0, ytd.Metrics["reconsideration.pending"]);
    }
}
