using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// A new holiday schedule loaded through Calendar:Path: at start-up the service recomputes its open requests' due dates
/// (audit action AdoptCalendar) and leaves concluded ones as they were.
/// </summary>
public sealed class DisclosureCalendarAdoptionTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_new_schedule_moves_the_due_date_of_an_open_request_only()
    {
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        var open = await ReceiveAsync(http);
        var concluded = await ReceiveAsync(http);
        (await http.PostAsJsonAsync($"v1/disclosure/requests/{concluded}:conclude", new { concludedOn = "2024-10-09", outcome = "OUTCOME_DISCLOSED" })).EnsureSuccessStatusCode();
        Assert.Equal("2024-10-30", (await GetAsync(http, open)).GetProperty("dueOn").GetString());

        // The 2024 schedule as published, and one more day off (14 October): the open request is due a working day later.
        var holidays = Enumerable.Range(1, 7).Select(d => new { date = $"2024-10-{d:00}", name = "国庆节" })
            .Append(new { date = "2024-10-14", name = "测试假日" });
        var workingWeekends = new[] { new { date = "2024-09-29", name = "国庆节调休上班" }, new { date = "2024-10-12", name = "国庆节调休上班" } };
        var path = Path.Combine(Path.GetTempPath(), $"fazhi-calendar-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { version = "test-adopt", years = new Dictionary<string, object> { ["2024"] = new { holidays, workingWeekends } } }));
        try
        {
            await system.RestartDisclosureAsync(path);
            http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));

            var deadline = DateTime.UtcNow.AddSeconds(20);
            JsonElement adopted;
            do adopted = await GetAsync(http, open);
            while (adopted.GetProperty("dueExplanation").GetProperty("calendarVersion").GetString() != "test-adopt" && DateTime.UtcNow < deadline && await Delay());

            Assert.Equal("2024-10-31", adopted.GetProperty("dueOn").GetString());
            Assert.Contains(adopted.GetProperty("dueExplanation").GetProperty("skippedDays").EnumerateArray(), s => s.GetProperty("reason").GetString() == "测试假日");
            var history = await http.GetFromJsonAsync<JsonElement>($"v1/disclosure/requests/{open}/history", Json);
            Assert.Equal("AdoptCalendar", history.GetProperty("entries").EnumerateArray().Last().GetProperty("action").GetString());
            var untouched = await http.GetFromJsonAsync<JsonElement>($"v1/disclosure/requests/{concluded}/history", Json);
            Assert.DoesNotContain(untouched.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "AdoptCalendar");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string id) =>
        await http.GetFromJsonAsync<JsonElement>($"v1/disclosure/requests/{id}", Json);

    private static async Task<string> ReceiveAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("v1/disclosure/requests", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-09-27", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", subject = "x",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
