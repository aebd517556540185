using CsCheck;
using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reporting.Validation;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reporting.Tests.CaseEvents;
using Case = Fazhi.Reconsideration.Domain.ReconsiderationCase;

namespace Fazhi.Reporting.Tests;

/// <summary>
/// The incoming events' checks: every invariant refuses what breaks it with its reason, and nothing a domain service
/// really produces is refused (a random history of the real reconsideration aggregate passes at every step).
/// </summary>
public class EventChecksTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly EventLimits Limits = new();

    private static string? Reason<T>(T changed) where T : class => EventChecks.Check(changed, Limits, Today)?.Reason;

    private static ReconsiderationCaseChanged Decided() => Case("2026-03-02", acceptedOn: "2026-03-04", decidedOn: "2026-04-01");

    [Fact]
    public void A_well_formed_case_passes() => Assert.Null(Reason(Decided()));

    // The three hostile events of issue 16.
    [Fact]
    public void A_case_decided_before_it_was_accepted_is_refused() =>
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(Decided() with { DecidedOn = D("2026-03-03") }));

    [Fact]
    public void A_version_of_a_million_with_an_unknown_status_is_refused()
    {
        Assert.Equal(RejectionReasons.BadVersion, Reason(Decided() with { Version = 1_000_000, Status = "CASE_STATUS_CLOSED" }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(Decided() with { Status = "CASE_STATUS_CLOSED" }));
    }

    [Fact]
    public void A_receipt_on_9999_12_31_is_refused() =>
        Assert.Equal(RejectionReasons.DateOutOfRange, Reason(Case("9999-12-31")));

    [Theory]
    [InlineData(0L, RejectionReasons.BadVersion)]
    [InlineData(-3L, RejectionReasons.BadVersion)]
    [InlineData(100_001L, RejectionReasons.BadVersion)]
    [InlineData(100_000L, null)] // the bound itself, and a first-seen case at any version below it
    [InlineData(5L, null)]
    public void Versions_from_one_to_the_bound_pass(long version, string? reason) => Assert.Equal(reason, Reason(Decided() with { Version = version }));

    [Theory]
    [InlineData("41010", RejectionReasons.BadOrg)]
    [InlineData("4101055", RejectionReasons.BadOrg)]
    [InlineData("41010x", RejectionReasons.BadOrg)]
    [InlineData("４１０１０５", RejectionReasons.BadOrg)] // full-width digits are digits to char.IsDigit, not to an org code
    [InlineData("", RejectionReasons.BadOrg)]
    [InlineData("410105", null)]
    public void An_org_is_six_ascii_digits(string org, string? reason) => Assert.Equal(reason, Reason(Decided() with { Org = org }));

    [Fact]
    public void Dates_are_in_range_in_china_with_a_day_of_slack()
    {
        Assert.Null(Reason(Case("2026-12-03"))); // tomorrow: a clock a little ahead, a midnight in transit
        Assert.Equal(RejectionReasons.DateOutOfRange, Reason(Case("2026-12-04")));
        Assert.Equal(RejectionReasons.DateOutOfRange, Reason(Case("1989-12-31")));
        Assert.Null(Reason(Case("1990-01-01")));
        // A planned date may be ahead, within the planning horizon.
        Assert.Null(Reason(Case("2026-11-30", acceptedOn: "2026-12-07", deadline: "2027-02-05")));
        Assert.Equal(RejectionReasons.DateOutOfRange, Reason(Case("2026-11-30", acceptedOn: "2026-12-07", deadline: "9999-12-31")));
    }

    [Fact]
    public void The_state_agrees_with_itself()
    {
        Assert.Equal(RejectionReasons.Inconsistent, Reason(Decided() with { Status = "CASE_STATUS_ACCEPTED" }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(Decided() with { Decision = null }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(Decided() with { Voided = true }));
        Assert.Null(Reason(Decided() with { Voided = true, Status = "CASE_STATUS_VOIDED" }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(Decided() with { Decision = "DECISION_WHATEVER" }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(Decided() with { Status = "CASE_STATUS_UNSPECIFIED" }));
        Assert.Equal(RejectionReasons.MissingField, Reason(Decided() with { Status = null! }));
        Assert.Equal(RejectionReasons.MissingField, Reason(Decided() with { HearingDates = null! }));
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(Decided() with { HearingDates = [D("2026-03-01")] }));
        Assert.Equal(RejectionReasons.BadIdentity, Reason(Decided() with { CaseId = Guid.Empty }));
    }

    [Fact]
    public void Litigation_invariants()
    {
        var judged = new LitigationCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 3, Org = Org, Status = "CASE_STATUS_JUDGED", Instance = "INSTANCE_FIRST",
            FiledOn = D("2026-01-05"), Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
            Notices = [new LitigationNoticeState(Guid.NewGuid(), D("2026-02-01"), D("2026-02-10"), "APPEARANCE_PRINCIPAL", true)],
            JudgedOn = D("2026-05-01"), Judgment = "JUDGMENT_LOST", ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(judged));
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(judged with { JudgedOn = D("2025-12-31") }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(judged with { Instance = "INSTANCE_SUPREME" }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(judged with { Judgment = "JUDGMENT_BRIBED" }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(judged with { JudgedOn = null }));
        Assert.Equal(RejectionReasons.DateOutOfOrder,
            Reason(judged with { Notices = [new LitigationNoticeState(Guid.NewGuid(), D("2026-02-01"), D("2026-01-20"), null, false)] }));
        Assert.Equal(RejectionReasons.UnknownCode,
            Reason(judged with { Notices = [new LitigationNoticeState(Guid.NewGuid(), D("2026-02-01"), D("2026-02-10"), "APPEARANCE_GHOST", false)] }));
    }

    [Fact]
    public void Enforcement_invariants()
    {
        var review = new EnforcementCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 2, Org = Org, Kind = EnforcementCaseChanged.Review, FileType = "FILE_TYPE_PENALTY",
            ReviewedOn = D("2026-06-01"), ScoreTenths = 875, Grade = "GRADE_GOOD",
            Problems = [new EnforcementProblemState(Guid.NewGuid(), Guid.NewGuid(), "PROBLEM_CATEGORY_FILING", D("2026-06-01"), D("2026-07-01"), null)],
            ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(review));
        Assert.Equal(RejectionReasons.BadCount, Reason(review with { ScoreTenths = -1 }));
        Assert.Equal(RejectionReasons.BadCount, Reason(review with { ScoreTenths = 1001 }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(review with { Kind = "AUDIT" }));
        Assert.Equal(RejectionReasons.MissingField, Reason(review with { ReviewedOn = null }));
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(review with
        {
            Problems = [new EnforcementProblemState(Guid.NewGuid(), Guid.NewGuid(), "PROBLEM_CATEGORY_FILING", D("2026-06-01"), D("2026-05-01"), null)],
        }));
        var campaign = review with { Kind = EnforcementCaseChanged.Campaign, ReviewedOn = null, StartedOn = D("2026-03-01"), EndsOn = D("2028-12-31") };
        Assert.Null(Reason(campaign));
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(campaign with { EndsOn = D("2026-02-01") }));
        var department = new EnforcementCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 3, Org = Org, Kind = EnforcementCaseChanged.Department, DepartmentId = Guid.NewGuid(),
            DepartmentName = "区市场监督管理局", ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(department));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(department with { DepartmentName = " " }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(department with { DepartmentId = Guid.Empty }));
    }

    [Fact]
    public void Disclosure_invariants()
    {
        var request = new DisclosureCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 4, Org = Org, Kind = DisclosureCaseChanged.RequestKind, ReceivedOn = D("2026-02-02"),
            ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON", ConcludedOn = D("2026-02-20"), Outcome = "OUTCOME_DISCLOSED",
            ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(request));
        Assert.Equal(RejectionReasons.DateOutOfOrder, Reason(request with { ConcludedOn = D("2026-02-01") }));
        Assert.Equal(RejectionReasons.UnknownCode, Reason(request with { Outcome = "OUTCOME_SHREDDED" }));
        Assert.Equal(RejectionReasons.MissingField, Reason(request with { ReceivedOn = null }));
        var day = new DisclosureCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 9, Org = Org, Kind = DisclosureCaseChanged.PublicationDayKind,
            PublishedOn = D("2026-11-30"), Published = 40, ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(day));
        Assert.Equal(RejectionReasons.BadCount, Reason(day with { Published = -5 }));
        Assert.Equal(RejectionReasons.DateOutOfRange, Reason(day with { PublishedOn = D("9999-12-31") }));
        var statistics = new DisclosureCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 2, Org = Org, Kind = DisclosureCaseChanged.StatisticsKind, Year = 2025,
            Statistics = new DisclosureTableTwo { RulesInForce = 12, PenaltyDecisions = 3400, FeesWanYuan = 12.3456m },
            ChangedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(Reason(statistics));
        Assert.Equal(RejectionReasons.MissingField, Reason(statistics with { Year = null }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(statistics with { Year = 9999 }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(statistics with { Statistics = null }));
        Assert.Equal(RejectionReasons.BadCount, Reason(statistics with { Statistics = new DisclosureTableTwo { LicensingDecisions = -1 } }));
        Assert.Equal(RejectionReasons.Inconsistent, Reason(statistics with { Statistics = new DisclosureTableTwo { FeesWanYuan = -0.5m } }));
    }

    [Fact]
    public void A_hostile_value_is_clipped_and_printable_in_the_detail()
    {
        var rejection = EventChecks.Check(Decided() with { Status = "CASE\n" + new string('X', 500) }, Limits, Today);
        Assert.NotNull(rejection);
        Assert.DoesNotContain('\n', rejection!.Detail);
        Assert.True(rejection.Detail.Length < 200, rejection.Detail);
    }

    private enum Step { Accept, AcceptSimplified, Reject, RequestMaterials, ReceiveMaterials, Hear, Extend, Suspend, Resume, Decide, Terminate, Withdraw, Void }

    /// <summary>Whatever the real aggregate publishes, at every step of any history, keeps the invariants reporting checks.</summary>
    [Fact]
    public void Every_state_the_reconsideration_aggregate_publishes_passes()
    {
        var calendar = WorkingDayCalendar.Default;
        var received = new DateOnly(2025, 12, 1);
        Gen.Select(Gen.Enum<Step>(), Gen.Int[0, 25], Gen.Int[0, 40]).Array[1, 14].Sample(steps =>
        {
            var c = Case.Receive(Guid.NewGuid(), "410105", received, ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty,
                "区市场监督管理局", "不服处罚", Today, calendar);
            var day = received;
            Assert.Null(EventChecks.Check(c.ToChangedEvent(DateTimeOffset.UnixEpoch), Limits, Today));
            foreach (var (kind, gap, param) in steps)
            {
                day = day.AddDays(gap);
                try
                {
                    switch (kind)
                    {
                        case Step.Accept: c.Accept(day, Procedure.Ordinary, Today, calendar); break;
                        case Step.AcceptSimplified: c.Accept(day, Procedure.Simplified, Today, calendar); break;
                        case Step.Reject: c.Reject(day, "不予受理", Today); break;
                        case Step.RequestMaterials: c.RequestMaterials(day, day.AddDays(1 + param % 10), Today, calendar); break;
                        case Step.ReceiveMaterials: c.ReceiveMaterials(day, Today, calendar); break;
                        case Step.Hear: c.RecordHearing(day, Today); break;
                        case Step.Extend: c.Extend(day, 1 + param % 30, "案情复杂", Today, calendar); break;
                        case Step.Suspend: c.Suspend(day, Today, calendar, "中止"); break;
                        case Step.Resume: c.Resume(day, Today, calendar); break;
                        case Step.Decide: c.Decide(day, (Decision)(1 + param % 10), Today, calendar); break;
                        case Step.Terminate: c.Decide(day, Decision.Terminate, Today, calendar, (TerminationGround)(1 + param % 5)); break;
                        case Step.Withdraw: c.Withdraw(day, "撤回", settled: param % 2 == 0 && c.AcceptedOn is not null, Today, calendar); break;
                        case Step.Void: c.Void("录入错误"); break;
                    }
                }
                catch (RuleViolationException)
                {
                    continue;
                }
                var rejection = EventChecks.Check(c.ToChangedEvent(DateTimeOffset.UnixEpoch), Limits, Today);
                Assert.True(rejection is null, $"{kind} on {day:yyyy-MM-dd}: {rejection}");
            }
        });
    }
}
