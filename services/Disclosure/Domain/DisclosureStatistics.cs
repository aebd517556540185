using System.Security.Cryptography;
using System.Text;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Outbox;

namespace Fazhi.Disclosure.Domain;

/// <summary>
/// An organisation's table-二 figures (主动公开情况) for one year: counts its officers take from the legislative and
/// enforcement records and enter once a year, not events this service sees happen. A put replaces every figure; an
/// identical put is no change at all. The id is derived from (org, year), so the aggregate, its audit trail and its
/// projection in reporting are found by the same key on every server and after every rebuild.
/// </summary>
public sealed class DisclosureStatistics : IAuditedAggregate, IPublishesIntegrationState
{
    public Guid Id { get; private set; }
    public string Org { get; private set; } = "";
    public int Year { get; private set; }
    public int RulesIssued { get; private set; }
    public int RulesRepealed { get; private set; }
    public int RulesInForce { get; private set; }
    public int NormativeDocumentsIssued { get; private set; }
    public int NormativeDocumentsRepealed { get; private set; }
    public int NormativeDocumentsInForce { get; private set; }
    public int LicensingDecisions { get; private set; }
    public int PenaltyDecisions { get; private set; }
    public int CompulsionDecisions { get; private set; }
    public decimal FeesWanYuan { get; private set; }
    public long Version { get; private set; }

    private DisclosureStatistics() { }

    public TableTwoFigures Figures => new(
        RulesIssued, RulesRepealed, RulesInForce, NormativeDocumentsIssued, NormativeDocumentsRepealed, NormativeDocumentsInForce,
        LicensingDecisions, PenaltyDecisions, CompulsionDecisions, FeesWanYuan);

    public static DisclosureStatistics Record(string org, int year, TableTwoFigures figures)
    {
        var statistics = new DisclosureStatistics { Id = IdOf(org, year), Org = org, Year = year };
        statistics.Set(figures);
        statistics.Version = 1;
        return statistics;
    }

    /// <summary>Replaces the figures; false (and nothing changed, no version bumped) when they are the same.</summary>
    public bool Replace(TableTwoFigures figures)
    {
        if (figures == Figures) return false;
        Set(figures);
        Version++;
        return true;
    }

    private void Set(TableTwoFigures f)
    {
        if (!f.IsValid) throw new ArgumentException("Table-二 figures must be non-negative, fees with at most 4 decimals.", nameof(f));
        RulesIssued = f.RulesIssued;
        RulesRepealed = f.RulesRepealed;
        RulesInForce = f.RulesInForce;
        NormativeDocumentsIssued = f.NormativeDocumentsIssued;
        NormativeDocumentsRepealed = f.NormativeDocumentsRepealed;
        NormativeDocumentsInForce = f.NormativeDocumentsInForce;
        LicensingDecisions = f.LicensingDecisions;
        PenaltyDecisions = f.PenaltyDecisions;
        CompulsionDecisions = f.CompulsionDecisions;
        // Normalised (0.3500 → 0.35) so equal amounts compare equal and read back alike.
        FeesWanYuan = f.FeesWanYuan / 1.0000000000000000000000000000m;
    }

    /// <summary>
    /// A name-based UUID (RFC 9562 version 5) of "org/year" in this service's namespace: deterministic, so the same
    /// figures are the same aggregate wherever and whenever they are put or re-published.
    /// </summary>
    public static Guid IdOf(string org, int year)
    {
        var name = Encoding.UTF8.GetBytes($"{org}/{year}");
        Span<byte> input = stackalloc byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what version 5 is defined with; the id identifies, it protects nothing.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The namespace of table-二 ids (fixed forever: changing it would orphan every stored projection).</summary>
    private static readonly Guid Namespace = new("5b0f6f5e-7d53-4a39-9c51-2f1f7e6c0d42");

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public DisclosureCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Kind = DisclosureCaseChanged.StatisticsKind,
        Year = Year,
        Statistics = new DisclosureTableTwo
        {
            RulesIssued = RulesIssued,
            RulesRepealed = RulesRepealed,
            RulesInForce = RulesInForce,
            NormativeDocumentsIssued = NormativeDocumentsIssued,
            NormativeDocumentsRepealed = NormativeDocumentsRepealed,
            NormativeDocumentsInForce = NormativeDocumentsInForce,
            LicensingDecisions = LicensingDecisions,
            PenaltyDecisions = PenaltyDecisions,
            CompulsionDecisions = CompulsionDecisions,
            FeesWanYuan = FeesWanYuan,
        },
        ChangedAt = changedAt,
    };
}

/// <summary>Table 二's figures as an officer puts them: counts, and fees in 万元 with at most 4 decimals.</summary>
public sealed record TableTwoFigures(
    int RulesIssued, int RulesRepealed, int RulesInForce,
    int NormativeDocumentsIssued, int NormativeDocumentsRepealed, int NormativeDocumentsInForce,
    int LicensingDecisions, int PenaltyDecisions, int CompulsionDecisions,
    decimal FeesWanYuan)
{
    /// <summary>The largest fee accepted: 99,999.9999 万元, so a year's fee in 1/10000 万元 fits a 32-bit counter.</summary>
    public const decimal MaxFeesWanYuan = 99_999.9999m;

    public bool IsValid =>
        RulesIssued >= 0 && RulesRepealed >= 0 && RulesInForce >= 0
        && NormativeDocumentsIssued >= 0 && NormativeDocumentsRepealed >= 0 && NormativeDocumentsInForce >= 0
        && LicensingDecisions >= 0 && PenaltyDecisions >= 0 && CompulsionDecisions >= 0
        && FeesWanYuan >= 0 && FeesWanYuan <= MaxFeesWanYuan && decimal.Round(FeesWanYuan, 4) == FeesWanYuan;
}
