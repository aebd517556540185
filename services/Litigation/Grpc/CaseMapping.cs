using System.Globalization;
using Fazhi.Litigation.Domain;
using Proto = Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Grpc;

internal static class CaseMapping
{
    public static Proto.LitigationCase ToProto(this LitigationCase c)
    {
        var proto = new Proto.LitigationCase
        {
            Id = c.Id.ToString(),
            RequestId = c.RequestId.ToString(),
            Org = c.Org,
            Court = c.Court,
            CaseNumber = c.CaseNumber,
            Instance = c.Instance,
            FiledOn = Format(c.FiledOn),
            Category = c.Category,
            AfterReconsideration = c.AfterReconsideration,
            Defendant = c.Defendant,
            ReconsiderationBodyCoDefendant = c.ReconsiderationBodyCoDefendant,
            Status = c.Status,
            JudgedOn = Format(c.JudgedOn),
            Judgment = c.Judgment,
            VoidReason = c.VoidReason ?? "",
            Version = c.Version,
        };
        proto.Notices.AddRange(c.Notices.Select(n => n.ToProto(c)));
        return proto;
    }

    public static Proto.CourtNotice ToProto(this CourtNotice n, LitigationCase c) => new()
    {
        NoticeId = n.Id.ToString(),
        RequestId = n.RequestId.ToString(),
        NoticeOn = Format(n.NoticeOn),
        HearingOn = Format(n.HearingOn),
        ShortNotice = n.ShortNotice,
        Appearance = n.Appearance,
        Spoke = n.Spoke,
        Excuse = n.Excuse,
        CaseId = c.Id.ToString(),
        Version = c.Version,
    };

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
