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
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Fazhi" or "MassTransit" || source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var testSource = new ActivitySource("Fazhi.Tests");
        using var sourceListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Fazhi.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(sourceListener);

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
}
