using System.Globalization;
using Fazhi.Bench.Workloads.Reconsideration;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;
using Grpc.Core;
using Grpc.Net.Client;

namespace Fazhi.Bench.Workloads.Litigation;

/// <summary>
/// One lawsuit as a courts-liaison client logs it through the public gRPC API: create → a court notice (80% of
/// lawsuits) → who appeared at the hearing → the judgment. Every date follows the one before and lies in 2025 (in the
/// past), and every case number is new, so every command is legal and an error is a real error.
/// </summary>
public sealed class LawsuitLifecycle : LifecycleLoad.ILifecycle
{
    public const double NoticeShare = 0.8;

    private static readonly Appearance[] Appearances =
        [Appearance.Principal, Appearance.Deputy, Appearance.Deputy, Appearance.Deputy, Appearance.StaffExcused, Appearance.None];
    private static readonly Judgment[] Judgments = [Judgment.Won, Judgment.Won, Judgment.Won, Judgment.Lost, Judgment.Withdrawn, Judgment.Mediated];

    private readonly LitigationCases.LitigationCasesClient _client;
    private readonly Metadata _headers;
    private readonly string _org;
    private readonly DateOnly _filedOn;
    private readonly Instance _instance;
    private readonly bool _noticed;
    private readonly Appearance _appearance;
    private readonly Judgment _judgment;
    private string? _id;
    private string? _noticeId;

    public LawsuitLifecycle(LitigationCases.LitigationCasesClient client, Metadata headers, Random random, IReadOnlyList<string> orgs)
    {
        _client = client;
        _headers = headers;
        _org = orgs[random.Next(orgs.Count)];
        _filedOn = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 280));
        _instance = random.NextDouble() < 0.85 ? Instance.First : Instance.Second;
        _noticed = random.NextDouble() < NoticeShare;
        _appearance = Appearances[random.Next(Appearances.Length)];
        _judgment = Judgments[random.Next(Judgments.Length)];
    }

    /// <summary>The client every lifecycle of one load shares: one channel, the token in a header built once.</summary>
    public static Func<Random, LifecycleLoad.ILifecycle> Factory(GrpcChannel channel, string token, IReadOnlyList<string> orgs)
    {
        var client = new LitigationCases.LitigationCasesClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        return random => new LawsuitLifecycle(client, headers, random, orgs);
    }

    public IEnumerable<Command> Commands()
    {
        yield return Command.Create;
        if (_noticed)
        {
            yield return Command.Notice;
            yield return Command.Appear;
        }
        yield return Command.Judge;
    }

    public async Task RunAsync(Command command, CancellationToken cancellationToken)
    {
        // A deadline, so that a stuck call fails the run instead of hanging it.
        var options = new CallOptions(_headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);
        var noticeOn = _filedOn.AddDays(10);
        switch (command)
        {
            case Command.Create:
                _id = (await _client.CreateCaseAsync(new CreateCaseRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    Org = _org,
                    Court = "郑州市金水区人民法院",
                    CaseNumber = $"(2025)豫0105行{(_instance == Instance.First ? "初" : "终")}{Guid.NewGuid():N}号",
                    Instance = _instance,
                    FiledOn = Date(_filedOn),
                    Category = ActCategory.AdministrativePenalty,
                    Defendant = "区市场监督管理局",
                }, options)).Id;
                break;
            case Command.Notice:
                _noticeId = (await _client.AddNoticeAsync(new AddNoticeRequest
                {
                    Id = _id, RequestId = Guid.NewGuid().ToString(), NoticeOn = Date(noticeOn), HearingOn = Date(noticeOn.AddDays(14)),
                }, options)).NoticeId;
                break;
            case Command.Appear:
                await _client.RecordAppearanceAsync(new RecordAppearanceRequest
                {
                    Id = _id, NoticeId = _noticeId, Appearance = _appearance, Spoke = _appearance is Appearance.Principal or Appearance.Deputy,
                    Excuse = _appearance == Appearance.StaffExcused ? Excuse.OfficialDuty : Excuse.Unspecified,
                }, options);
                break;
            case Command.Judge:
                await _client.RecordJudgmentAsync(new RecordJudgmentRequest { Id = _id, JudgedOn = Date(noticeOn.AddDays(30)), Judgment = _judgment }, options);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
