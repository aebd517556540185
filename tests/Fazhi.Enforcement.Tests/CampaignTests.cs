using Fazhi.Contracts.Enforcement;
using Fazhi.Enforcement.Domain;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Enforcement.Tests.TestRecords;

namespace Fazhi.Enforcement.Tests;

public sealed class CampaignTests
{
    [Fact]
    public void A_campaign_ends_no_earlier_than_it_starts_and_has_a_name()
    {
        Assert.Equal("DATE_OUT_OF_ORDER", Refused(() => Launched("2024-03-01", "2024-02-01")));
        Assert.Equal("DATE_IN_FUTURE", Refused(() => Launched("2024-07-01", "2024-12-31")));
        Assert.Equal("CAMPAIGN_NAME_REQUIRED", Refused(() => Campaign.Launch(Guid.NewGuid(), Org, " ", D("2024-01-01"), D("2024-12-31"), Today)));
    }

    [Fact]
    public void Problems_are_found_within_the_campaign_and_rectified_later()
    {
        var campaign = Launched("2024-02-01", "2024-05-31");
        var problem = campaign.AddProblem(Guid.NewGuid(), Problem("2024-03-05", "2024-04-05"), Market, Today);
        Assert.Equal(2, campaign.Version);
        Assert.Equal("OUTSIDE_CAMPAIGN", Refused(() => campaign.AddProblem(Guid.NewGuid(), Problem("2024-01-31", "2024-04-05"), Market, Today)));
        Assert.Equal("OUTSIDE_CAMPAIGN", Refused(() => campaign.AddProblem(Guid.NewGuid(), Problem("2024-06-01", "2024-06-05"), Market, Today)));
        Assert.Equal("DEPARTMENT_UNKNOWN", Refused(() => campaign.AddProblem(Guid.NewGuid(), Problem("2024-03-05", "2024-04-05"), null, Today)));

        campaign.RectifyProblem(problem.Id, D("2024-04-01"), Today);
        var state = Assert.Single(campaign.ToChangedEvent(DateTimeOffset.UnixEpoch).Problems);
        Assert.Equal(D("2024-04-01"), state.RectifiedOn);
        Assert.Equal("PROCEDURAL", state.Category.Replace("PROBLEM_CATEGORY_", "", StringComparison.Ordinal));
        Assert.Equal(3, campaign.Version);
    }

    [Fact]
    public void A_repeated_problem_request_returns_the_problem_once_and_a_different_one_conflicts()
    {
        var campaign = Launched();
        var requestId = Guid.NewGuid();
        var first = campaign.AddProblem(requestId, Problem("2024-03-05", "2024-04-05"), Market, Today);
        var again = campaign.AddProblem(requestId, Problem("2024-03-05", "2024-04-05"), Market, Today);
        Assert.Equal(first, again);
        Assert.Single(campaign.Problems);
        Assert.Equal(2, campaign.Version);
        Assert.Throws<ConflictException>(() => campaign.AddProblem(requestId, Problem("2024-03-06", "2024-04-05"), Market, Today));
    }

    [Fact]
    public void Departments_have_a_name_and_rename_keeps_their_id()
    {
        var department = Department.Register(Guid.NewGuid(), Org, " 金水区自然资源局 ");
        Assert.Equal("金水区自然资源局", department.Name);
        var id = department.Id;
        department.Rename("金水区自然资源和规划局");
        Assert.Equal(id, department.Id);
        Assert.Equal(2, department.Version);
        Assert.Equal("DEPARTMENT_NAME_REQUIRED", Refused(() => department.Rename("")));
    }

    [Fact]
    public void Grade_thresholds_must_be_ordered()
    {
        Assert.True(GradeThresholds.Default.IsValid);
        Assert.False(new GradeThresholds(80, 90, 60).IsValid);
        Assert.False(new GradeThresholds(90, 80, 0).IsValid);
        Assert.Equal(Grade.Passed, new GradeThresholds(95, 85, 70).GradeOf(80, false));
    }
}
