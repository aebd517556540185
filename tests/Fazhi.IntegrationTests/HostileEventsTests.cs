using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Redrive;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Issue 16, hostile or corrupt events: published straight to the real broker, past every domain service. Reporting
/// refuses each one that breaks an invariant it can see, dead-letters it (at once, no retries), counts it, and keeps
/// applying the real events of the same case; a refused event that a fix makes acceptable is re-driven and applied once.
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class HostileEventsTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string ChangesQueue = "reporting-reconsideration-case-changes";
    private const string ChangedQueue = "reporting-reconsideration-case-changed";

    [Fact]
    public async Task Hostile_events_are_dead_lettered_unapplied_and_the_cases_real_events_still_apply()
    {
        const string org = "410186";
        var rejected = new ConcurrentBag<string>();
        var deadLettered = new ConcurrentBag<string>();
        using var listener = Listen("fazhi.reporting.events_rejected", rejected);
        using var deadLetters = Listen("fazhi.messaging.dead_lettered", deadLettered);
        var real = await system.Cases.ReceiveAsync(org, "2024-03-01");
        await system.Cases.AcceptAsync(real.Id, "2024-03-04");
        // The receipt alone already counts as pending (its review ended long ago, so it reads as accepted by law):
        // wait for the acceptance's version, or it could land among the hostile events and change the figures.
        var before = await system.Reports.WaitForAsync(org, 2024, "2024-12-31",
            y => y.Metrics["reconsideration.pending"] == 1 && y.Metrics["reconsideration.deemed_accepted"] == 0);
        Assert.Equal(1, before.Metrics["reconsideration.pending"]);
        using var rabbit = await ManagementAsync();
        var dead = await CountAsync(rabbit, ChangesQueue + "_error");

        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        // The three: a made-up case decided before it was accepted; the real case re-sent as version 1,000,000
        // with an unknown status; a receipt dated 9999-12-31.
        await bus.Publish(Packed(Made(org) with { AcceptedOn = new(2024, 5, 10), DecidedOn = new(2024, 5, 5), Decision = "DECISION_REVOKE", Status = "CASE_STATUS_DECIDED" }));
        await bus.Publish(Packed(Made(org) with
        {
            CaseId = Guid.Parse(real.Id), Version = 1_000_000, Status = "CASE_STATUS_CLOSED",
            AcceptedOn = new(2024, 3, 4), DecidedOn = new(2024, 4, 1), Decision = "DECISION_REVOKE",
        }));
        await bus.Publish(Packed(Made(org) with { ReceivedOn = new(9999, 12, 31) }));
        // One message of two: the good case is applied, the bad one goes to _error as a message of its own.
        await bus.Publish(Packed(Made("410187"), Made(org) with { Version = 0 }));

        var reached = await WaitForCountAsync(rabbit, ChangesQueue + "_error", dead + 4);
        Assert.Equal(dead + 4, reached);
        await system.Reports.WaitForAsync("410187", 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 1);
        Assert.Equal(1, (await system.Reports.YtdAsync("410187", 2024, "2024-12-31")).Metrics["reconsideration.received"]);
        var unchanged = (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics;
        Assert.Empty(before.Metrics.Where(m => unchanged[m.Key] != m.Value).Select(m => $"{m.Key}: {m.Value} -> {unchanged[m.Key]}"));
        Assert.Equal(0, await CountAsync(rabbit, ChangesQueue)); // nothing left waiting for a retry
        Assert.Superset(new HashSet<string> { "date_out_of_order", "bad_version", "date_out_of_range" }, rejected.ToHashSet());
        // Each refused once: a retry would have screened (and counted) it again.
        Assert.Equal(4, rejected.Count);
        // And each dead-lettered message counted: three failed whole, one refused part sent by the consumer.
        Assert.Equal(4, deadLettered.Count);

        // The hostile version 1,000,000 did not shadow the case: its next real version is applied.
        await system.Cases.DecideAsync(real.Id, "2024-04-01", Decision.Revoke);
        var after = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);
        Assert.Equal(1, after.Metrics["reconsideration.decided"]);
        Assert.Equal(1, after.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(0, after.Metrics["reconsideration.pending"]);
        Assert.Equal(1, after.Metrics["reconsideration.received"]);
    }

    [Fact]
    public async Task An_event_refused_by_a_rule_later_widened_is_re_driven_and_applied_once()
    {
        const string org = "410188";
        using var rabbit = await ManagementAsync();
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        // A version beyond the configured bound (100,000): refused, by the single-event consumer this time.
        var changed = Made(org) with { Version = 250_000 };
        await bus.Publish(changed);
        Assert.Equal(1, await WaitForCountAsync(rabbit, ChangedQueue + "_error", 1));
        Assert.Equal(0, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics["reconsideration.received"]);

        // The fix: the bound is widened in configuration (read on every event), then the message is re-driven.
        var configuration = (IConfigurationRoot)system.Reporting.Services.GetRequiredService<IConfiguration>();
        configuration["Reporting:EventChecks:MaxVersion"] = "1000000";
        configuration.Reload();
        try
        {
            var amqp = new Uri(configuration.GetConnectionString("RabbitMq")!);
            var moved = await Redriver.RedriveAsync(amqp, ChangedQueue, max: null, TextWriter.Null, CancellationToken.None);
            Assert.Equal(1, moved.Count);
            var applied = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 1);
            Assert.Equal(1, applied.Metrics["reconsideration.received"]);
            Assert.Equal(0, await CountAsync(rabbit, ChangedQueue + "_error"));

            // Once: a second re-drive finds nothing, and the same event arriving again changes nothing.
            Assert.Equal(0, (await Redriver.RedriveAsync(amqp, ChangedQueue, null, TextWriter.Null, CancellationToken.None)).Count);
            await bus.Publish(changed);
            await bus.Publish(Packed(Made("410189")));
            await system.Reports.WaitForAsync("410189", 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 1);
            Assert.Equal(1, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics["reconsideration.received"]);
        }
        finally
        {
            configuration["Reporting:EventChecks:MaxVersion"] = "100000";
            configuration.Reload();
        }
    }

    private static ReconsiderationCaseChanged Made(string org) => new()
    {
        CaseId = Guid.CreateVersion7(),
        Version = 1,
        Org = org,
        Status = "CASE_STATUS_RECEIVED",
        ReceivedOn = new(2024, 6, 3),
        ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON",
        Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
        ChangedAt = DateTimeOffset.UtcNow,
    };

    private static CaseChanges<ReconsiderationCaseChanged> Packed(params ReconsiderationCaseChanged[] events) =>
        new() { Events = [.. events.Select(e => new RelayedEvent<ReconsiderationCaseChanged>(Guid.NewGuid(), null, e))] };

    private async Task<RabbitManagement> ManagementAsync()
    {
        var amqp = system.Reporting.Services.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq")!;
        return new RabbitManagement(await TestServers.GetAsync(), amqp);
    }

    private static async Task<int> CountAsync(RabbitManagement rabbit, string queue) =>
        (await rabbit.QueueNamesAsync()).Contains(queue) ? await rabbit.PeekCountAsync(queue) : 0;

    private static async Task<int> WaitForCountAsync(RabbitManagement rabbit, string queue, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var count = await CountAsync(rabbit, queue);
            if (count >= expected || DateTime.UtcNow > deadline) return count;
            await Task.Delay(200);
        }
    }

    private static MeterListener Listen(string instrument, ConcurrentBag<string> reasons)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "Fazhi" && i.Name == instrument) l.EnableMeasurementEvents(i);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "reason") reasons.Add((string)tag.Value!);
        });
        listener.Start();
        return listener;
    }
}
