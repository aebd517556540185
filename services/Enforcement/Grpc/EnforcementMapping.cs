using System.Globalization;
using Fazhi.Enforcement.Domain;
using Proto = Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Grpc;

internal static class EnforcementMapping
{
    public static Proto.Department ToProto(this Department d) => new()
    {
        Id = d.Id.ToString(), RequestId = d.RequestId.ToString(), Org = d.Org, Name = d.Name, Version = d.Version,
    };

    public static Proto.FileReview ToProto(this FileReview r)
    {
        var proto = new Proto.FileReview
        {
            Id = r.Id.ToString(),
            RequestId = r.RequestId.ToString(),
            Org = r.Org,
            DepartmentId = r.DepartmentId.ToString(),
            FileType = r.FileType,
            FileNumber = r.FileNumber,
            ReviewedOn = Format(r.ReviewedOn),
            Score = (double)r.Score,
            VetoFailed = r.VetoFailed,
            ReReview = r.ReReview,
            Grade = r.Grade,
            Status = r.Status,
            VoidReason = r.VoidReason ?? "",
            Version = r.Version,
        };
        proto.Problems.AddRange(r.Problems.Select(ToProto));
        return proto;
    }

    public static Proto.Campaign ToProto(this Campaign c)
    {
        var proto = new Proto.Campaign
        {
            Id = c.Id.ToString(),
            RequestId = c.RequestId.ToString(),
            Org = c.Org,
            Name = c.Name,
            StartedOn = Format(c.StartedOn),
            EndsOn = Format(c.EndsOn),
            Status = c.Status,
            VoidReason = c.VoidReason ?? "",
            Version = c.Version,
        };
        proto.Problems.AddRange(c.Problems.Select(ToProto));
        return proto;
    }

    private static Proto.Problem ToProto(EnforcementProblem p) => new()
    {
        ProblemId = p.Id.ToString(),
        RequestId = p.RequestId == Guid.Empty ? "" : p.RequestId.ToString(),
        DepartmentId = p.DepartmentId.ToString(),
        Category = p.Category,
        Description = p.Description,
        FoundOn = Format(p.FoundOn),
        RectifyBy = Format(p.RectifyBy),
        RectifiedOn = Format(p.RectifiedOn),
    };

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
