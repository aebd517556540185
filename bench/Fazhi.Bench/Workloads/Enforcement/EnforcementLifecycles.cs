using System.Globalization;
using Fazhi.Bench.Workloads.Reconsideration;
using Fazhi.Contracts.Enforcement;
using Grpc.Core;
using Grpc.Net.Client;

namespace Fazhi.Bench.Workloads.Enforcement;

/// <summary>
/// What an enforcement reviewer logs through the public gRPC API, as two lifecycles: a file review with 0 to 3
/// problems found (one request) and the rectification of most of them; and a special campaign with four problems
/// found in it and three of them rectified. Dates lie in 2025 (in the past) and follow each other, file numbers are
/// new, departments are the organisation's own: every command is legal and an error is a real error.
/// </summary>
public static class EnforcementLifecycles
{
    public const double CampaignShare = 0.25;
    public const int CampaignProblems = 4;
    public const int DepartmentsPerOrg = 5;

    private static readonly FileType[] FileTypes = [FileType.Penalty, FileType.Penalty, FileType.Licensing, FileType.Compulsion, FileType.Inspection];
    private static readonly ProblemCategory[] Categories = [ProblemCategory.Filing, ProblemCategory.Substantive, ProblemCategory.Procedural];

    /// <summary>Registers <see cref="DepartmentsPerOrg"/> departments in every organisation (not measured); their ids by organisation.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> RegisterDepartmentsAsync(
        GrpcChannel channel, string token, IReadOnlyList<string> orgs, CancellationToken cancellationToken)
    {
        var client = new Departments.DepartmentsClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var departments = new Dictionary<string, string[]>();
        foreach (var org in orgs)
        {
            var ids = new string[DepartmentsPerOrg];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = (await client.CreateDepartmentAsync(new CreateDepartmentRequest
                {
                    RequestId = Guid.NewGuid().ToString(), Org = org, Name = $"执法部门{i + 1}-{Guid.NewGuid():N}"[..20],
                }, headers, cancellationToken: cancellationToken)).Id;
            }
            departments[org] = ids;
        }
        return departments;
    }

    /// <summary>Three reviews for every campaign: each client picks one lifecycle after another at that mix.</summary>
    public static Func<Random, LifecycleLoad.ILifecycle> Factory(GrpcChannel channel, string token, IReadOnlyDictionary<string, string[]> departments)
    {
        var reviews = new FileReviews.FileReviewsClient(channel);
        var campaigns = new Campaigns.CampaignsClient(channel);
        var headers = new Metadata { { "authorization", "Bearer " + token } };
        var orgs = departments.Keys.ToArray();
        return random =>
        {
            var org = orgs[random.Next(orgs.Length)];
            return random.NextDouble() < CampaignShare
                ? new CampaignLifecycle(campaigns, headers, random, org, departments[org])
                : new ReviewLifecycle(reviews, headers, random, org, departments[org]);
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CallOptions Options(Metadata headers, CancellationToken cancellationToken) =>
        new(headers, DateTime.UtcNow.AddSeconds(30), cancellationToken);

    /// <summary>A review with its problems in one request, then the rectification of about 70% of them.</summary>
    private sealed class ReviewLifecycle : LifecycleLoad.ILifecycle
    {
        private readonly FileReviews.FileReviewsClient _client;
        private readonly Metadata _headers;
        private readonly CreateReviewRequest _request;
        private readonly int _rectified;
        private readonly DateOnly _reviewedOn;
        private FileReview? _review;

        public ReviewLifecycle(FileReviews.FileReviewsClient client, Metadata headers, Random random, string org, string[] departments)
        {
            _client = client;
            _headers = headers;
            _reviewedOn = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 280));
            _request = new CreateReviewRequest
            {
                RequestId = Guid.NewGuid().ToString(), Org = org, DepartmentId = departments[random.Next(departments.Length)],
                FileType = FileTypes[random.Next(FileTypes.Length)], FileNumber = $"执法〔2025〕{Guid.NewGuid():N}号",
                ReviewedOn = Date(_reviewedOn), Score = Math.Round(55 + random.NextDouble() * 45, 1),
            };
            var problems = random.Next(0, 4);
            for (var i = 0; i < problems; i++)
            {
                _request.Problems.Add(new NewReviewProblem
                {
                    Category = Categories[random.Next(Categories.Length)], Description = "卷内文书不齐全", RectifyBy = Date(_reviewedOn.AddDays(30)),
                });
            }
            _rectified = (int)Math.Round(problems * 0.7);
        }

        public IEnumerable<Command> Commands()
        {
            yield return Command.Review;
            for (var i = 0; i < _rectified; i++) yield return Command.Rectify;
        }

        private int _next;

        public async Task RunAsync(Command command, CancellationToken cancellationToken)
        {
            if (command == Command.Review)
            {
                _review = await _client.CreateReviewAsync(_request, Options(_headers, cancellationToken));
                return;
            }
            var problem = _review!.Problems[_next++];
            _review = await _client.RectifyReviewProblemAsync(new RectifyProblemRequest
            {
                Id = _review.Id, ProblemId = problem.ProblemId, RectifiedOn = Date(_reviewedOn.AddDays(10 + _next)),
            }, Options(_headers, cancellationToken));
        }
    }

    /// <summary>A campaign, <see cref="CampaignProblems"/> problems found in it, and all but one of them rectified.</summary>
    private sealed class CampaignLifecycle : LifecycleLoad.ILifecycle
    {
        private readonly Campaigns.CampaignsClient _client;
        private readonly Metadata _headers;
        private readonly Random _random;
        private readonly string _org;
        private readonly string[] _departments;
        private readonly DateOnly _startedOn;
        private readonly List<string> _problemIds = [];
        private string? _id;
        private int _rectified;

        public CampaignLifecycle(Campaigns.CampaignsClient client, Metadata headers, Random random, string org, string[] departments)
        {
            _client = client;
            _headers = headers;
            _random = random;
            _org = org;
            _departments = departments;
            _startedOn = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 200));
        }

        public IEnumerable<Command> Commands()
        {
            yield return Command.Campaign;
            for (var i = 0; i < CampaignProblems; i++) yield return Command.CampaignProblem;
            for (var i = 0; i < CampaignProblems - 1; i++) yield return Command.Rectify;
        }

        public async Task RunAsync(Command command, CancellationToken cancellationToken)
        {
            var options = Options(_headers, cancellationToken);
            switch (command)
            {
                case Command.Campaign:
                    _id = (await _client.CreateCampaignAsync(new CreateCampaignRequest
                    {
                        RequestId = Guid.NewGuid().ToString(), Org = _org, Name = $"专项整治{Guid.NewGuid():N}",
                        StartedOn = Date(_startedOn), EndsOn = Date(_startedOn.AddDays(90)),
                    }, options)).Id;
                    break;
                case Command.CampaignProblem:
                    var requestId = Guid.NewGuid().ToString();
                    var foundOn = _startedOn.AddDays(_problemIds.Count * 10 + 1);
                    var campaign = await _client.AddCampaignProblemAsync(new AddCampaignProblemRequest
                    {
                        Id = _id, RequestId = requestId, DepartmentId = _departments[_random.Next(_departments.Length)],
                        Category = Categories[_random.Next(Categories.Length)], Description = "执法文书送达不规范",
                        FoundOn = Date(foundOn), RectifyBy = Date(foundOn.AddDays(30)),
                    }, options);
                    _problemIds.Add(campaign.Problems.Single(p => p.RequestId == requestId).ProblemId);
                    break;
                case Command.Rectify:
                    var problemIndex = _rectified++;
                    await _client.RectifyCampaignProblemAsync(new RectifyProblemRequest
                    {
                        Id = _id, ProblemId = _problemIds[problemIndex], RectifiedOn = Date(_startedOn.AddDays(problemIndex * 10 + 20)),
                    }, options);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(command), command, null);
            }
        }
    }
}
