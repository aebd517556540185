using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>The reconsideration service's public gRPC API, with the shortcuts the tests need.</summary>
public sealed class ReconsiderationApi(Grpc.Net.Client.GrpcChannel channel)
{
    public ReconsiderationCases.ReconsiderationCasesClient Client { get; } = new(channel);

    public async Task<ReconsiderationCase> ReceiveAsync(string org, string receivedOn,
        ActCategory category = ActCategory.AdministrativePenalty, string? requestId = null) =>
        await Client.CreateCaseAsync(new CreateCaseRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString(),
            Org = org,
            ReceivedOn = receivedOn,
            ApplicantType = ApplicantType.NaturalPerson,
            Category = category,
            Respondent = "区市场监督管理局",
            Summary = "不服行政处罚决定",
        });

    public async Task<ReconsiderationCase> AcceptAsync(string id, string acceptedOn, Procedure procedure = Procedure.Ordinary) =>
        await Client.AcceptCaseAsync(new AcceptCaseRequest { Id = id, AcceptedOn = acceptedOn, Procedure = procedure });

    public async Task<ReconsiderationCase> DecideAsync(string id, string decidedOn, Decision decision) =>
        await Client.DecideCaseAsync(new DecideCaseRequest { Id = id, DecidedOn = decidedOn, Decision = decision });

    public async Task<ReconsiderationCase> HearAsync(string id, string heldOn) =>
        await Client.RecordHearingAsync(new RecordHearingRequest { Id = id, HeldOn = heldOn });

    public async Task<ReconsiderationCase> RejectAsync(string id, string rejectedOn) =>
        await Client.RejectCaseAsync(new RejectCaseRequest { Id = id, RejectedOn = rejectedOn, Reason = "不属于行政复议范围" });

    /// <summary>Received, accepted and decided in one go.</summary>
    public async Task<ReconsiderationCase> DecidedCaseAsync(string org, string receivedOn, string acceptedOn, string decidedOn, Decision decision)
    {
        var created = await ReceiveAsync(org, receivedOn);
        await AcceptAsync(created.Id, acceptedOn);
        return await DecideAsync(created.Id, decidedOn, decision);
    }
}
