using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;
using Fazhi.Litigation.Domain;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Litigation.Tests;

internal static class TestCases
{
    public static readonly DateOnly Today = new(2024, 6, 30);

    public static Lawsuit Lawsuit(string filedOn = "2024-03-01", Instance instance = Instance.First) => new(
        "郑州市金水区人民法院", "(2024)豫0105行初12号", instance, DateOnly.Parse(filedOn), ActCategory.AdministrativePenalty, false, "金水区市场监督管理局");

    public static LitigationCase Filed(string filedOn = "2024-03-01", Instance instance = Instance.First) =>
        LitigationCase.File(Guid.NewGuid(), "410105", Lawsuit(filedOn, instance), Today);

    public static CourtNotice Notice(this LitigationCase c, string noticeOn = "2024-04-01", string hearingOn = "2024-04-10", bool shortNotice = false) =>
        c.AddNotice(Guid.NewGuid(), DateOnly.Parse(noticeOn), DateOnly.Parse(hearingOn), shortNotice, Today);

    public static DateOnly D(string date) => DateOnly.Parse(date);

    /// <summary>The move is refused with <paramref name="reason"/> and the case is left exactly as it was.</summary>
    public static void Refused(string reason, LitigationCase c, Action move)
    {
        var before = c.ToChangedEvent(DateTimeOffset.UnixEpoch);
        var error = Assert.Throws<RuleViolationException>(move);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(before with { Notices = [] }, c.ToChangedEvent(DateTimeOffset.UnixEpoch) with { Notices = [] });
        Assert.Equal(before.Notices, c.ToChangedEvent(DateTimeOffset.UnixEpoch).Notices);
    }
}
