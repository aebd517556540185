using CsCheck;
using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reporting.Figures;
using Fazhi.ServiceDefaults.Errors;
using Case = Fazhi.Reconsideration.Domain.ReconsiderationCase;

namespace Fazhi.Reporting.Tests;

/// <summary>
/// Random sequences of clerk steps, each dated on or after the one before (legal or not: illegal ones must be refused),
/// applied to one case. Properties: (1) the figures reporting derives for any day before a step's date are the same
/// before and after that step, so a past report never changes because of a later step; (2) a refused step changes
/// nothing, and no sequence reaches a state that breaks the case's invariants; (3) the service's own "overdue" agrees
/// with reporting's overdue counter on every day.
/// </summary>
public class ReconsiderationHistoryProperties
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;
    private static readonly DateOnly Received = new(2023, 12, 18);
    private static readonly DateOnly Today = new(2026, 12, 31);
    private const int Window = 400;

    private enum Step { Accept, AcceptSimplified, Reject, RequestMaterials, ReceiveMaterials, Hear, Extend, Suspend, Resume, Decide, Terminate, Withdraw }

    private static readonly Gen<(Step Kind, int Gap, int Param)[]> Sequences =
        Gen.Select(Gen.Enum<Step>(), Gen.Int[0, 25], Gen.Int[0, 40]).Array[1, 14];

    [Fact]
    public void Past_figures_never_change_and_refused_steps_change_nothing() =>
        Sequences.Sample(steps =>
        {
            var c = Case.Receive(Guid.NewGuid(), "410105", Received, ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty,
                "郑州市金水区市场监督管理局", "不服处罚", Today, Calendar);
            var day = Received;
            var before = Cumulative(c);
            foreach (var (kind, gap, param) in steps)
            {
                day = day.AddDays(gap);
                var version = c.Version;
                var state = c.ToChangedEvent(DateTimeOffset.UnixEpoch);
                try
                {
                    Apply(c, kind, day, param);
                }
                catch (RuleViolationException)
                {
                    Assert.Equal(version, c.Version);
                    Assert.Equivalent(state, c.ToChangedEvent(DateTimeOffset.UnixEpoch), strict: true);
                    continue;
                }
                CheckInvariants(c);
                var after = Cumulative(c);
                for (var d = 0; d < Window && Received.AddDays(d) < day; d++)
                    Assert.True(before[d].SequenceEqual(after[d]),
                        $"{kind} on {day:yyyy-MM-dd} changed the figures as of {Received.AddDays(d):yyyy-MM-dd}");
                before = after;
            }
            for (var d = 0; d < Window; d++)
                Assert.Equal(c.IsOverdueOn(Received.AddDays(d)) ? 1 : 0, before[d].GetValueOrDefault(ReconsiderationMetrics.OverdueChange));
        }, iter: 3000);

    private static void Apply(Case c, Step kind, DateOnly day, int param)
    {
        switch (kind)
        {
            case Step.Accept: c.Accept(day, Procedure.Ordinary, Today, Calendar); break;
            case Step.AcceptSimplified: c.Accept(day, Procedure.Simplified, Today, Calendar); break;
            case Step.Reject: c.Reject(day, "不予受理", Today); break;
            case Step.RequestMaterials: c.RequestMaterials(day, day.AddDays(1 + param % 10), Today, Calendar); break;
            case Step.ReceiveMaterials: c.ReceiveMaterials(day, Today, Calendar); break;
            case Step.Hear: c.RecordHearing(day, Today); break;
            case Step.Extend: c.Extend(day, 1 + param % 30, "案情复杂", Today, Calendar); break;
            case Step.Suspend: c.Suspend(day, Today, Calendar, "中止"); break;
            case Step.Resume: c.Resume(day, Today, Calendar); break;
            case Step.Decide: c.Decide(day, (Decision)(1 + param % 10), Today, Calendar); break;
            case Step.Terminate: c.Decide(day, Decision.Terminate, Today, Calendar, (TerminationGround)(1 + param % 5)); break;
            case Step.Withdraw: c.Withdraw(day, "撤回", settled: param % 2 == 0 && c.AcceptedOn is not null, Today, Calendar); break;
        }
    }

    /// <summary>Every counter summed over all days up to each day of the window (a YTD is a difference of two of these).</summary>
    private static Dictionary<string, long>[] Cumulative(Case c)
    {
        var contributions = ReconsiderationFigures.Of(c.ToChangedEvent(DateTimeOffset.UnixEpoch));
        var sums = new Dictionary<string, long>[Window];
        var running = new Dictionary<string, long>();
        for (var d = 0; d < Window; d++)
        {
            var day = Received.AddDays(d);
            foreach (var x in contributions.Where(x => x.Day == day || (d == 0 && x.Day < day)))
                running[x.Metric] = running.GetValueOrDefault(x.Metric) + x.Delta;
            sums[d] = running.Where(kv => kv.Value != 0).ToDictionary();
        }
        return sums;
    }

    private static void CheckInvariants(Case c)
    {
        if (c.AcceptedOn is { } accepted)
        {
            Assert.True(accepted >= c.ReceivedOn && accepted <= c.AcceptanceDueOn, "accepted within the review period");
            Assert.All(c.HearingDates, h => Assert.True(h >= accepted));
        }
        if (c.RejectedOn is { } rejected) Assert.True(rejected <= c.AcceptanceDueOn, "rejected within the review period");
        if (c.DecidedOn is { } decided)
        {
            Assert.True(decided >= c.AcceptedOn);
            Assert.All(c.HearingDates, h => Assert.True(h <= decided));
            Assert.Equal(c.Decision == Decision.Terminate, c.TerminationGround != TerminationGround.Unspecified);
        }
        Assert.InRange(c.ExtensionDays, 0, 30);
        for (var i = 1; i < c.Suspensions.Count; i++) Assert.True(c.Suspensions[i].From >= c.Suspensions[i - 1].To, "suspensions never overlap");
        for (var i = 1; i < c.DeadlineHistory.Count; i++) Assert.True(c.DeadlineHistory[i].From > c.DeadlineHistory[i - 1].From);
    }
}
