using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Disclosure.Tests;

internal static class TestRequests
{
    /// <summary>The calendar that ships with the code: the State Council's real 2023 and 2024 schedules.</summary>
    public static readonly WorkingDayCalendar Schedules = WorkingDayCalendar.Default;

    public static readonly DateOnly Today = new(2024, 12, 31);

    public static DateOnly D(string date) => DateOnly.Parse(date);

    public static DisclosureRequest Received(string receivedOn = "2024-03-01", ApplicantType applicant = ApplicantType.NaturalPerson) =>
        DisclosureRequest.Receive(Guid.NewGuid(), "410105", D(receivedOn), applicant, "2023年度财政预算执行情况", Schedules, Today);

    /// <summary>The move is refused with <paramref name="reason"/> and the request is left exactly as it was.</summary>
    public static void Refused(string reason, DisclosureRequest r, Action move)
    {
        var before = (r.ToChangedEvent(DateTimeOffset.UnixEpoch), r.Status, r.DueOn, r.ExtendedOn, r.ClarificationRequestedOn, r.ClarifiedOn);
        var error = Assert.Throws<RuleViolationException>(move);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(before, (r.ToChangedEvent(DateTimeOffset.UnixEpoch), r.Status, r.DueOn, r.ExtendedOn, r.ClarificationRequestedOn, r.ClarifiedOn));
    }
}
