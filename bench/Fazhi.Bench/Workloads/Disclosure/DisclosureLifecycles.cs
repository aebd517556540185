using System.Globalization;
using Fazhi.Bench.Workloads.Reconsideration;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Disclosure;
using Grpc.Core;
using Grpc.Net.Client;

namespace Fazhi.Bench.Workloads.Disclosure;

/// <summary>
/// What disclosure officers log through the public gRPC API: a request through its life (received → 补正 asked and
/// answered for 20% → extended for 10% → concluded with an outcome), and a website's CMS posting a batch of
/// <see cref="BatchSize"/> publications in one call. Dates lie in 2025 and follow each other within the statutory
/// limits (补正 the day after receipt, the extension a week in), so every command is legal and an error is a real error.
/// </summary>
public static class DisclosureLifecycles
{
    public const int BatchSize = 1000;
    public const double ClarificationShare = 0.2;
    public const double ExtensionShare = 0.1;

    private static readonly ApplicantType[] Applicants =
    [
        ApplicantType.NaturalPerson, ApplicantType.NaturalPerson, ApplicantType.NaturalPerson, ApplicantType.CommercialEnterprise,
        ApplicantType.ResearchInstitution, ApplicantType.SocialWelfareOrganization, ApplicantType.LegalServiceOrganization, ApplicantType.OtherOrganization,
    ];

    // None of these needs a 补正 to have been asked for (无法提供 as still unclear does).
    private static readonly Outcome[] Outcomes =
    [
        Outcome.Disclosed, Outcome.Disclosed, Outcome.PartiallyDisclosed, Outcome.WithheldThirdParty, Outcome.UnavailableNotHeld,
        Outcome.NotProcessedDuplicate, Outcome.Other,
    ];

    private static readonly string[] Categories = ["政策文件", "财政信息", "人事信息", "行政执法", "通知公告"];

    public static Func<Random, LifecycleLoad.ILifecycle> Requests(GrpcChannel channel, string token, IReadOnlyList<string> orgs)
    {
        var client = new Contracts.Disclosure.Disclosure.DisclosureClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        return random => new RequestLifecycle(client, headers, random, orgs[random.Next(orgs.Count)]);
    }

    public static Func<Random, LifecycleLoad.ILifecycle> Batches(GrpcChannel channel, string token, IReadOnlyList<string> orgs)
    {
        var client = new Contracts.Disclosure.Disclosure.DisclosureClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        return random => new BatchLifecycle(client, headers, random, orgs[random.Next(orgs.Count)]);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class RequestLifecycle(Contracts.Disclosure.Disclosure.DisclosureClient client, Metadata headers, Random random, string org)
        : LifecycleLoad.ILifecycle
    {
        private readonly DateOnly _receivedOn = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 300));
        private readonly bool _clarified = random.NextDouble() < ClarificationShare;
        private readonly bool _extended = random.NextDouble() < ExtensionShare;
        private readonly ApplicantType _applicant = Applicants[random.Next(Applicants.Length)];
        private readonly Outcome _outcome = Outcomes[random.Next(Outcomes.Length)];
        private string? _id;

        public IEnumerable<Command> Commands()
        {
            yield return Command.Request;
            if (_clarified)
            {
                yield return Command.Clarification;
                yield return Command.Clarified;
            }
            if (_extended) yield return Command.Extend;
            yield return Command.Conclude;
        }

        public async Task RunAsync(Command command, CancellationToken cancellationToken)
        {
            var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);
            switch (command)
            {
                case Command.Request:
                    _id = (await client.CreateRequestAsync(new CreateRequestRequest
                    {
                        RequestId = Guid.NewGuid().ToString(), Org = org, ReceivedOn = Date(_receivedOn), ApplicantType = _applicant, Subject = "申请公开某项目的审批文件",
                    }, options)).Id;
                    break;
                case Command.Clarification:
                    await client.RequestClarificationAsync(new DatedRequest { Id = _id, On = Date(_receivedOn.AddDays(1)) }, options);
                    break;
                case Command.Clarified:
                    await client.RecordClarificationAsync(new DatedRequest { Id = _id, On = Date(_receivedOn.AddDays(4)) }, options);
                    break;
                case Command.Extend:
                    await client.ExtendRequestAsync(new ExtendRequestRequest
                    {
                        Id = _id, On = Date(_receivedOn.AddDays(7)), Reason = "需要协调有关部门", WorkingDays = 10,
                    }, options);
                    break;
                case Command.Conclude:
                    await client.ConcludeRequestAsync(new ConcludeRequestRequest { Id = _id, ConcludedOn = Date(_receivedOn.AddDays(14)), Outcome = _outcome }, options);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(command), command, null);
            }
        }
    }

    /// <summary>One call of <see cref="BatchSize"/> new publications of one organisation over a few days.</summary>
    private sealed class BatchLifecycle(Contracts.Disclosure.Disclosure.DisclosureClient client, Metadata headers, Random random, string org)
        : LifecycleLoad.ILifecycle
    {
        public IEnumerable<Command> Commands()
        {
            yield return Command.PublishBatch;
        }

        public async Task RunAsync(Command command, CancellationToken cancellationToken)
        {
            var firstDay = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 300));
            var batch = new BatchCreatePublicationsRequest();
            for (var i = 0; i < BatchSize; i++)
            {
                batch.Requests.Add(new CreatePublicationRequest
                {
                    RequestId = Guid.NewGuid().ToString(), Org = org, PublishedOn = Date(firstDay.AddDays(i % 5)),
                    Category = Categories[i % Categories.Length], Title = $"关于做好2025年有关工作的通知（{i}）",
                });
            }
            // A batch is one transaction of 1,000 rows: it gets longer than a single command's deadline.
            await client.BatchCreatePublicationsAsync(batch, new CallOptions(headers, DateTime.UtcNow.AddSeconds(60), cancellationToken));
        }
    }
}
