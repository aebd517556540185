using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>The litigation service's public gRPC API, with the shortcuts the tests need.</summary>
public sealed class LitigationApi(Grpc.Net.Client.GrpcChannel channel)
{
    private static int _caseNumbers;

    public LitigationCases.LitigationCasesClient Client { get; } = new(channel);

    /// <summary>A lawsuit with a fresh case number at the district court.</summary>
    public async Task<LitigationCase> FileAsync(string org, string filedOn, Instance instance = Instance.First, string? requestId = null) =>
        await Client.CreateCaseAsync(NewCase(org, filedOn, instance, requestId));

    public static CreateCaseRequest NewCase(string org, string filedOn, Instance instance = Instance.First, string? requestId = null) => new()
    {
        RequestId = requestId ?? Guid.NewGuid().ToString(),
        Org = org,
        Court = "郑州市金水区人民法院",
        CaseNumber = $"({filedOn[..4]})豫0105行初{Interlocked.Increment(ref _caseNumbers)}号-{Guid.NewGuid().ToString("N")[..6]}",
        Instance = instance,
        FiledOn = filedOn,
        Category = ActCategory.AdministrativePenalty,
        AfterReconsideration = false,
        Defendant = "金水区市场监督管理局",
    };

    public async Task<CourtNotice> NoticeAsync(string id, string noticeOn, string hearingOn, string? requestId = null) =>
        await Client.AddNoticeAsync(new AddNoticeRequest { Id = id, RequestId = requestId ?? Guid.NewGuid().ToString(), NoticeOn = noticeOn, HearingOn = hearingOn });

    public async Task<LitigationCase> AppearAsync(string id, string noticeId, Appearance appearance, bool spoke = false, Excuse excuse = Excuse.Unspecified) =>
        await Client.RecordAppearanceAsync(new RecordAppearanceRequest { Id = id, NoticeId = noticeId, Appearance = appearance, Spoke = spoke, Excuse = excuse });

    public async Task<LitigationCase> JudgeAsync(string id, string judgedOn, Judgment judgment) =>
        await Client.RecordJudgmentAsync(new RecordJudgmentRequest { Id = id, JudgedOn = judgedOn, Judgment = judgment });
}
