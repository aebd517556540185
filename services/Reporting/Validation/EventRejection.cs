namespace Fazhi.Reporting.Validation;

/// <summary>
/// Why an event was refused: <see cref="Reason"/> is one of <see cref="RejectionReasons"/> (a metric tag, so a small
/// fixed set), <see cref="Detail"/> names the field and the value for the log and the dead-lettered message.
/// </summary>
public sealed record EventRejection(Guid CaseId, long Version, string Reason, string Detail)
{
    public override string ToString() => $"case {CaseId} version {Version}: {Reason}: {Detail}";
}

public static class RejectionReasons
{
    public const string BadIdentity = "bad_identity";
    public const string BadOrg = "bad_org";
    public const string BadVersion = "bad_version";
    public const string UnknownCode = "unknown_code";
    public const string MissingField = "missing_field";
    public const string DateOutOfRange = "date_out_of_range";
    public const string DateOutOfOrder = "date_out_of_order";
    public const string BadCount = "bad_count";
    public const string Inconsistent = "inconsistent";
}
