using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace Fazhi.IntegrationTests;

public sealed class AuditTrailTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Every_change_is_in_the_history_with_who_when_what_and_why()
    {
        var created = await system.Cases.ReceiveAsync("410105", "2024-03-01");
        await system.Cases.AcceptAsync(created.Id, "2024-03-05");
        await system.Cases.HearAsync(created.Id, "2024-03-20");
        await system.Cases.Client.CorrectCaseAsync(new CorrectCaseRequest { Id = created.Id, AcceptedOn = "2024-03-04", Reason = "受理通知书日期录入错误" });
        await system.Cases.DecideAsync(created.Id, "2024-04-01", Decision.Revoke);
        // A refused move leaves no trace.
        await Assert.ThrowsAsync<RpcException>(() => system.Cases.AcceptAsync(created.Id, "2024-03-06"));

        var history = await system.Cases.Client.GetCaseHistoryAsync(new GetCaseRequest { Id = created.Id });

        Assert.Equal(["CreateCase", "AcceptCase", "RecordHearing", "CorrectCase", "DecideCase"], history.Entries.Select(e => e.Action));
        Assert.Equal([1L, 2, 3, 4, 5], history.Entries.Select(e => e.Version));
        Assert.All(history.Entries, e =>
        {
            Assert.Equal("test-reconsideration-clerk-41", e.Actor);
            Assert.Equal("reconsideration-clerk", e.ActorRole);
            Assert.True(DateTimeOffset.Parse(e.At, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));
        });

        var creation = history.Entries[0];
        Assert.Contains(creation.Changes, c => c.Field == "receivedOn" && c.NewValue.StringValue == "2024-03-01");

        var acceptance = history.Entries[1];
        Assert.Contains(acceptance.Changes, c => c.Field == "status" && c.OldValue.StringValue == "CASE_STATUS_RECEIVED" && c.NewValue.StringValue == "CASE_STATUS_ACCEPTED");
        Assert.Contains(acceptance.Changes, c => c.Field == "acceptedOn" && c.OldValue.KindCase == Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue && c.NewValue.StringValue == "2024-03-05");

        var correction = history.Entries[3];
        Assert.Equal("受理通知书日期录入错误", correction.Reason);
        var acceptedOn = Assert.Single(correction.Changes, c => c.Field == "acceptedOn");
        Assert.Equal("2024-03-05", acceptedOn.OldValue.StringValue);
        Assert.Equal("2024-03-04", acceptedOn.NewValue.StringValue);

        var hearing = history.Entries[2];
        var hearingDates = Assert.Single(hearing.Changes, c => c.Field == "hearingDates");
        Assert.Equal("2024-03-20", hearingDates.NewValue.ListValue.Values.Single().StringValue);
    }
}
