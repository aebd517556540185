using System.Globalization;
using Fazhi.Contracts.Reconsideration;
using Grpc.Core;
using Grpc.Net.Client;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>The reconsideration service's public gRPC API as the bench calls it: one shared channel, the token in a header.</summary>
public sealed class CaseCommands(GrpcChannel channel, string token)
{
    private readonly ReconsiderationCases.ReconsiderationCasesClient _client = new(channel);
    // Built once and only read by the calls: no per-request header allocation.
    private readonly Metadata _headers = new() { { "authorization", "Bearer " + token } };

    /// <summary>Runs one command of a script; returns the case id (known after create).</summary>
    public async Task<string> RunAsync(Command command, CaseScript script, string? id, CancellationToken cancellationToken)
    {
        // A deadline, so that a stuck call fails the run instead of hanging it.
        var options = new CallOptions(_headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);
        switch (command)
        {
            case Command.Create:
                var created = await _client.CreateCaseAsync(new CreateCaseRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    Org = script.Org,
                    ReceivedOn = Date(script.ReceivedOn),
                    ApplicantType = script.ApplicantType,
                    Category = script.Category,
                    Respondent = script.Respondent,
                    Summary = "bench",
                }, options);
                return created.Id;
            case Command.Accept:
                await _client.AcceptCaseAsync(new AcceptCaseRequest { Id = id, AcceptedOn = Date(script.AcceptedOn), Procedure = script.Procedure }, options);
                return id!;
            case Command.Hear:
                await _client.RecordHearingAsync(new RecordHearingRequest { Id = id, HeldOn = Date(script.HeldOn!.Value) }, options);
                return id!;
            case Command.Decide:
                await _client.DecideCaseAsync(new DecideCaseRequest { Id = id, DecidedOn = Date(script.DecidedOn), Decision = script.Decision }, options);
                return id!;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
