using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.Enforcement.Extensions;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Issue 16, bad input: every request of Corpus/bad-input.json (made by Corpus/make_bad_input.py: wrong types, missing
/// and extra fields, impossible and future dates, unknown enums, oversize strings, bodies that are not JSON or not
/// UTF-8, control characters, SQL- and script-looking text, another organisation's ids, across every JSON route of the
/// five services) is refused with a 4xx whose error names the field, never a 5xx, and nothing in any database changes.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusTests.AllServices system, ITestOutputHelper output)
    : IClassFixture<BadInputCorpusTests.AllServices>
{
    private const string Org = "410105";
    private const string ForeignOrg = "410106";

    public sealed record Entry(string Name, string Service, string Method, string Path, string? Role, string? Body, string? BodyBase64, string? Field);

    [Fact]
    public async Task Every_malformed_request_is_a_4xx_naming_the_field_and_changes_nothing()
    {
        var corpus = JsonSerializer.Deserialize<List<Entry>>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", "bad-input.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.True(corpus.Count >= 200, $"{corpus.Count} cases");
        Assert.Equal(["disclosure", "enforcement", "litigation", "reconsideration", "reporting"], corpus.Select(c => c.Service).Distinct().Order());

        var ids = await system.ResourcesAsync();
        var before = await system.SettledSnapshotAsync();
        var failures = new List<string>();
        foreach (var entry in corpus)
        {
            using var request = new HttpRequestMessage(new HttpMethod(entry.Method), Fill(entry.Path, ids));
            if (entry.Body is not null || entry.BodyBase64 is not null)
            {
                var bytes = entry.BodyBase64 is not null ? Convert.FromBase64String(entry.BodyBase64) : Encoding.UTF8.GetBytes(Fill(entry.Body!, ids));
                request.Content = new ByteArrayContent(bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
            using var response = await system.Client(entry.Service, entry.Role).SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500)
                failures.Add($"{entry.Name}: HTTP {status} {Clip(text)}");
            else if (entry.Field is { } field && !text.Contains(field, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{entry.Name}: HTTP {status} does not name {field}: {Clip(text)}");
        }
        foreach (var failure in failures) output.WriteLine(failure);
        output.WriteLine($"{corpus.Count - failures.Count} of {corpus.Count} refused as expected");

        var after = await system.SettledSnapshotAsync();
        var changed = before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)).ToList();
        Assert.True(changed.Count == 0, "changed: " + string.Join(", ", changed));
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} not refused as expected:\n" + string.Join("\n", failures));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> ids)
    {
        foreach (var (key, value) in ids) text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return text.Replace("@@OVERSIZE@@", new string('x', 100_000), StringComparison.Ordinal);
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>All five services on one virtual host, callers scoped to <see cref="Org"/>.</summary>
    public sealed class AllServices : FazhiSystem, IAsyncLifetime
    {
        protected override bool HostsLitigation => true;

        private ServiceHost? _enforcement;
        private ServiceHost? _disclosure;
        private Dictionary<string, string>? _ids;

        public new async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _enforcement = await ServiceHost.StartAsync(
                builder => builder.AddEnforcementService(), app => app.MapEnforcementService(), host => host.MigrateAsync<EnforcementDbContext>(),
                Settings(SystemId + "_enforcement"));
            _disclosure = await ServiceHost.StartAsync(
                builder => builder.AddDisclosureService(), app => app.MapDisclosureService(), host => host.MigrateAsync<DisclosureDbContext>(),
                Settings(SystemId + "_disclosure"));
        }

        public new async Task DisposeAsync()
        {
            if (_enforcement is not null) await _enforcement.DisposeAsync();
            if (_disclosure is not null) await _disclosure.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, SystemId + "_enforcement");
            await TestServers.DropDatabaseAsync(Servers, SystemId + "_disclosure");
            await base.DisposeAsync();
        }

        private Dictionary<string, string?> Settings(string database) => new()
        {
            ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(Servers, database),
            ["ConnectionStrings:RabbitMq"] = Amqp,
            ["Auth:DevSigningKey"] = SigningKey,
        };

        private ServiceHost Host(string service) => service switch
        {
            "reconsideration" => Reconsideration,
            "litigation" => Litigation,
            "enforcement" => _enforcement!,
            "disclosure" => _disclosure!,
            _ => Reporting,
        };

        private static string RoleOf(string service) => service switch
        {
            "reconsideration" => FazhiRoles.ReconsiderationClerk,
            "litigation" => FazhiRoles.LitigationLiaison,
            "enforcement" => FazhiRoles.EnforcementReviewer,
            "disclosure" => FazhiRoles.DisclosureOfficer,
            _ => FazhiRoles.StatisticsViewer,
        };

        public HttpClient Client(string service, string? role, string org = Org) => Host(service).Http(Token(role ?? RoleOf(service), org));

        /// <summary>The resources the corpus's paths name, in <see cref="Org"/> and (foreign*) in <see cref="ForeignOrg"/>.</summary>
        public async Task<Dictionary<string, string>> ResourcesAsync()
        {
            if (_ids is not null) return _ids;
            var ids = new Dictionary<string, string>();
            async Task<JsonElement> Create(string service, string org, string path, object body)
            {
                using var response = await Client(service, null, org).PostAsync(path,
                    new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            foreach (var (key, org) in new[] { ("", Org), ("foreign", ForeignOrg) })
            {
                string Key(string name) => key.Length == 0 ? name : key + char.ToUpperInvariant(name[0]) + name[1..];
                var recon = await Create("reconsideration", org, "v1/reconsideration/cases", new
                {
                    requestId = Guid.NewGuid(), org, receivedOn = "2024-03-01", applicantType = "APPLICANT_TYPE_NATURAL_PERSON",
                    category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", respondent = "区市场监督管理局", summary = "不服行政处罚决定",
                });
                ids[Key("recon")] = recon.GetProperty("id").GetString()!;
                var lit = await Create("litigation", org, "v1/litigation/cases", new
                {
                    requestId = Guid.NewGuid(), org, court = "郑州市中级人民法院", caseNumber = $"(2024)豫01行初{Random.Shared.Next(1000, 9999)}号",
                    instance = "INSTANCE_FIRST", filedOn = "2024-03-01", category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", defendant = "区政府",
                });
                ids[Key("lit")] = lit.GetProperty("id").GetString()!;
                var notice = await Create("litigation", org, $"v1/litigation/cases/{ids[Key("lit")]}/notices",
                    new { requestId = Guid.NewGuid(), noticeOn = "2024-04-01", hearingOn = "2024-04-10" });
                ids[Key("notice")] = notice.GetProperty("noticeId").GetString()!;
                var dept = await Create("enforcement", org, "v1/enforcement/departments", new { requestId = Guid.NewGuid(), org, name = "区市场监督管理局" });
                ids[Key("dept")] = dept.GetProperty("id").GetString()!;
                var review = await Create("enforcement", org, "v1/enforcement/reviews", new
                {
                    requestId = Guid.NewGuid(), org, departmentId = ids[Key("dept")], fileType = "FILE_TYPE_PENALTY", fileNumber = "2024-001",
                    reviewedOn = "2024-05-01", score = 88.5,
                    problems = new[] { new { category = "PROBLEM_CATEGORY_FILING", description = "缺页", rectifyBy = "2024-06-01" } },
                });
                ids[Key("review")] = review.GetProperty("id").GetString()!;
                ids[Key("reviewProblem")] = review.GetProperty("problems")[0].GetProperty("problemId").GetString()!;
                var campaign = await Create("enforcement", org, "v1/enforcement/campaigns",
                    new { requestId = Guid.NewGuid(), org, name = "专项整治" + org, startedOn = "2024-03-01", endsOn = "2024-12-31" });
                ids[Key("campaign")] = campaign.GetProperty("id").GetString()!;
                var disc = await Create("disclosure", org, "v1/disclosure/requests", new
                {
                    requestId = Guid.NewGuid(), org, receivedOn = "2024-03-01", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", subject = "申请公开财政预算",
                });
                ids[Key("disc")] = disc.GetProperty("id").GetString()!;
            }
            return _ids = ids;
        }

        /// <summary>
        /// Every table of every service's database, as a hash of its rows (the outbox as a count: the relay stamps
        /// its rows as it publishes them), taken once two readings a second apart agree (the setup's events have landed).
        /// </summary>
        public async Task<Dictionary<string, string>> SettledSnapshotAsync()
        {
            var previous = await SnapshotAsync();
            for (var i = 0; i < 30; i++)
            {
                await Task.Delay(1000);
                var current = await SnapshotAsync();
                if (current.Count == previous.Count && current.All(kv => previous.GetValueOrDefault(kv.Key) == kv.Value)) return current;
                previous = current;
            }
            return previous;
        }

        private async Task<Dictionary<string, string>> SnapshotAsync()
        {
            var snapshot = new Dictionary<string, string>();
            foreach (var service in new[] { "reconsideration", "litigation", "enforcement", "disclosure", "reporting" })
            {
                await using var connection = new NpgsqlConnection(TestServers.DatabaseConnectionString(Servers, $"{SystemId}_{service}"));
                await connection.OpenAsync();
                var tables = new List<string>();
                await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
                await using (var reader = await list.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
                foreach (var table in tables)
                {
                    var sql = table.StartsWith("outbox", StringComparison.Ordinal)
                        ? $"SELECT count(*)::text FROM \"{table}\""
                        : $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"{table}\" t";
                    await using var hash = new NpgsqlCommand(sql, connection);
                    snapshot[$"{service}.{table}"] = (string)(await hash.ExecuteScalarAsync())!;
                }
            }
            return snapshot;
        }
    }
}
