using System.Collections.Concurrent;
using System.Diagnostics;
using Fazhi.IntegrationTests.Infrastructure;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>One trace runs from the API call through the outbox relay and RabbitMQ into the reporting consumer.</summary>
public sealed class TracingTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task A_logged_case_is_one_trace_from_api_to_reporting_consumer()
    {
        using var spans = new SpanRecorder();
        var seen = spans.Seen;
        var testSource = spans.Test;

        ActivityTraceId traceId;
        using (var root = testSource.StartActivity("clerk logs a case"))
        {
            Assert.NotNull(root);
            traceId = root.TraceId;
            await system.Cases.ReceiveAsync("410131", "2024-05-06");
        }

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!seen.Any(a => a.TraceId == traceId && a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer))
        {
            Assert.True(DateTime.UtcNow < deadline,
                "no consumer span in the trace; spans seen: " + string.Join(", ", seen.Where(a => a.TraceId == traceId).Select(a => a.Source.Name + ":" + a.OperationName)));
            await Task.Delay(50);
        }
        var trace = seen.Where(a => a.TraceId == traceId).ToList();
        Assert.Contains(trace, a => a.Source.Name == "Fazhi" && a.OperationName.StartsWith("outbox relay", StringComparison.Ordinal));
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
    }

    [Fact]
    public async Task Events_sharing_one_broker_message_each_reach_the_consumer_in_their_own_trace()
    {
        using var spans = new SpanRecorder();
        var seen = spans.Seen;
        var testSource = spans.Test;

        // Written while no relay runs, so the next relay pass claims all five and packs them into one message.
        await system.RestartReconsiderationAsync(relayEnabled: false);
        var traces = new List<ActivityTraceId>();
        for (var i = 0; i < 5; i++)
        {
            using var root = testSource.StartActivity("clerk logs a case " + i);
            Assert.NotNull(root);
            traces.Add(root.TraceId);
            await system.Cases.ReceiveAsync("410132", "2024-05-07");
        }
        await system.RestartReconsiderationAsync(relayEnabled: true);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        bool Reached(ActivityTraceId trace) => seen.Any(a =>
            a.TraceId == trace && a.Source.Name == "Fazhi" && a.Kind == ActivityKind.Consumer && a.OperationName.StartsWith("reporting apply", StringComparison.Ordinal));
        while (!traces.All(Reached))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{traces.Count(t => !Reached(t))} of 5 traces never reached the reporting consumer");
            await Task.Delay(50);
        }

        // One relay span carried all five: a child of the first request, linked to the four others.
        var relay = Assert.Single(seen, a => a.Source.Name == "Fazhi" && a.OperationName.StartsWith("outbox relay", StringComparison.Ordinal)
            && traces.Contains(a.TraceId));
        Assert.Equal(5, relay.GetTagItem("messaging.batch.message_count"));
        Assert.Equal(traces[0], relay.TraceId);
        Assert.Equal(traces.Skip(1).ToHashSet(), relay.Links.Select(l => l.Context.TraceId).ToHashSet());
        var ytd = await system.Reports.WaitForAsync("410132", 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 5);
        Assert.Equal(5, ytd.Metrics["reconsideration.received"]);
    }

    /// <summary>Records the spans of Fazhi, MassTransit and ASP.NET Core, and starts the test's own root spans.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source == Test || source.Name is "Fazhi" or "MassTransit"
                    || source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source != Test) Seen.Add(activity);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ActivitySource Test { get; } = new("Fazhi.Tests");

        public ConcurrentBag<Activity> Seen { get; } = [];

        public void Dispose()
        {
            _listener.Dispose();
            Test.Dispose();
        }
    }
}
