using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.FaultRunner.Injection;
using Fazhi.FaultRunner.Verify;
using Fazhi.IntegrationTests.Infrastructure;
using MassTransit;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.IntegrationTests.FaultRunner;

/// <summary>
/// The fault runner's hostile events (issue 16) against a real system: each is refused by reporting's checks and
/// dead-lettered, the dead-letter audit counts exactly them as hostile and nothing as unexpected, and no figure moves;
/// a valid event found in an _error queue is reported as unexpected, by queue and message id. In the
/// process-wide-metrics collection because it counts refused events (and would be counted by other such tests).
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class FaultRunnerHostileTests(FaultRunnerSystem system, ITestOutputHelper output) : IClassFixture<FaultRunnerSystem>
{
    private const string ErrorQueue = "reporting-reconsideration-case-changes_error";

    [Fact]
    public async Task Hostile_events_are_dead_lettered_counted_as_hostile_and_change_no_figure_and_a_valid_dead_letter_is_unexpected()
    {
        var log = new StringWriter();
        var before = await FigureAudit.RunAsync(system.Under, FaultRunnerSystem.Orgs, FaultRunnerSystem.Years, TimeSpan.FromSeconds(60), log, CancellationToken.None);
        Assert.True(before.Ok, string.Join("\n", before.Differences.Concat(before.CasesBehind)));
        var clean = await DeadLetterAudit.RunAsync(system.Under, CancellationToken.None);
        Assert.Equal((0, 0), (clean.Total, clean.Hostile));
        var rejected = new ConcurrentBag<string>();
        using var listener = ListenToRejections(rejected);

        var sent = await new EventInjector(system.Under, log).HostileAsync("410102", CancellationToken.None);

        // The three and one for each other source; 410102 has reconsideration cases, so one of them is re-sent.
        Assert.Equal(6, sent.Count);
        Assert.Contains(sent, line => line.StartsWith("reconsideration: real case ", StringComparison.Ordinal));
        Assert.Equal(["disclosure", "enforcement", "litigation", "reconsideration"], sent.Select(line => line.Split(':')[0]).Distinct().Order());
        var deadLetters = await WaitForHostileAsync(sent.Count);
        Assert.True(deadLetters.Ok(sent.Count), string.Join("\n", deadLetters.Unexpected));
        Assert.Equal((sent.Count, sent.Count), (deadLetters.Total, deadLetters.Hostile));
        Assert.Empty(deadLetters.Unexpected);
        // Each refused once by reporting's checks (none retried, none applied).
        Assert.Equal(sent.Count, rejected.Count);
        Assert.Superset(new HashSet<string> { "date_out_of_order", "date_out_of_range" }, rejected.ToHashSet());
        // The audit read the dead letters without taking them.
        var again = await DeadLetterAudit.RunAsync(system.Under, CancellationToken.None);
        Assert.Equal((sent.Count, sent.Count, 0), (again.Total, again.Hostile, again.Unexpected.Count));
        var after = await FigureAudit.RunAsync(system.Under, FaultRunnerSystem.Orgs, FaultRunnerSystem.Years, TimeSpan.FromSeconds(10), log, CancellationToken.None);
        Assert.True(after.Ok, string.Join("\n", after.Differences.Concat(after.CasesBehind)));
        Assert.Equal(before.Compared, after.Compared);

        // A valid event in an _error queue is a figure lost until re-driven: unexpected, named by queue and message id.
        var messageId = Guid.NewGuid();
        await using (var bus = await InjectorBus.StartAsync(system.Under.Amqp, CancellationToken.None))
        {
            var endpoint = await bus.Bus.GetSendEndpoint(new Uri("queue:" + ErrorQueue));
            var valid = new ReconsiderationCaseChanged
            {
                CaseId = Guid.NewGuid(), Version = 1, Org = "410102", Status = "CASE_STATUS_RECEIVED", ReceivedOn = new(2024, 6, 3),
                ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON", Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", ChangedAt = DateTimeOffset.UtcNow,
            };
            await endpoint.Send(new CaseChanges<ReconsiderationCaseChanged> { Events = [new RelayedEvent<ReconsiderationCaseChanged>(messageId, null, valid)] },
                context =>
                {
                    context.MessageId = messageId;
                    context.Headers.Set("Fazhi-Rejected-Reason", "a database outage, wrongly");
                });
        }
        var withValid = await DeadLetterAudit.RunAsync(system.Under, CancellationToken.None);
        Assert.Equal((sent.Count + 1, sent.Count), (withValid.Total, withValid.Hostile));
        var unexpected = Assert.Single(withValid.Unexpected);
        Assert.StartsWith($"{ErrorQueue} message {messageId}: 1 event(s) not made hostile by the run", unexpected);
        Assert.EndsWith(": a database outage, wrongly", unexpected);
        Assert.False(withValid.Ok(sent.Count));
        output.WriteLine(log.ToString());
        output.WriteLine(string.Join("\n", sent));
        output.WriteLine(unexpected);
    }

    private async Task<DeadLetterResult> WaitForHostileAsync(int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var result = await DeadLetterAudit.RunAsync(system.Under, CancellationToken.None);
            if (result.Hostile >= expected || DateTime.UtcNow > deadline) return result;
            await Task.Delay(200);
        }
    }

    private static MeterListener ListenToRejections(ConcurrentBag<string> reasons)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "Fazhi" && i.Name == "fazhi.reporting.events_rejected") l.EnableMeasurementEvents(i);
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
