using Fazhi.Contracts.Enforcement;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>The enforcement service's public gRPC API, with the shortcuts the tests need.</summary>
public sealed class EnforcementApi(Grpc.Net.Client.GrpcChannel channel)
{
    public Departments.DepartmentsClient Departments { get; } = new(channel);
    public FileReviews.FileReviewsClient Reviews { get; } = new(channel);
    public Campaigns.CampaignsClient Campaigns { get; } = new(channel);

    public async Task<Department> DepartmentAsync(string org, string? name = null) =>
        await Departments.CreateDepartmentAsync(new CreateDepartmentRequest
        {
            RequestId = Guid.NewGuid().ToString(), Org = org, Name = name ?? $"执法部门{Guid.NewGuid().ToString("N")[..6]}",
        });

    public static CreateReviewRequest NewReview(string org, string departmentId, string reviewedOn, double score, string? fileNumber = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Org = org,
        DepartmentId = departmentId,
        FileType = FileType.Penalty,
        FileNumber = fileNumber ?? $"金执罚〔{reviewedOn[..4]}〕{Guid.NewGuid().ToString("N")[..8]}号",
        ReviewedOn = reviewedOn,
        Score = score,
    };

    public async Task<FileReview> ReviewAsync(string org, string departmentId, string reviewedOn, double score = 88) =>
        await Reviews.CreateReviewAsync(NewReview(org, departmentId, reviewedOn, score));

    public async Task<Campaign> CampaignAsync(string org, string startedOn, string endsOn) =>
        await Campaigns.CreateCampaignAsync(new CreateCampaignRequest
        {
            RequestId = Guid.NewGuid().ToString(), Org = org, Name = $"专项整治{Guid.NewGuid().ToString("N")[..6]}", StartedOn = startedOn, EndsOn = endsOn,
        });

    public async Task<Campaign> ProblemAsync(string id, string departmentId, string foundOn, string rectifyBy, string? requestId = null) =>
        await Campaigns.AddCampaignProblemAsync(new AddCampaignProblemRequest
        {
            Id = id, RequestId = requestId ?? Guid.NewGuid().ToString(), DepartmentId = departmentId, Category = ProblemCategory.Procedural,
            Description = "执法文书送达不规范", FoundOn = foundOn, RectifyBy = rectifyBy,
        });
}
