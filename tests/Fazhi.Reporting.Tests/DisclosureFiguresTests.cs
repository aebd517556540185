using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Tests;

/// <summary>
/// Disclosure's contributions and keys: every key of docs/api.md in total and per column, and table 三's balance
/// (received + carried in = concluded + carried out) whatever requests were received, concluded, corrected or voided.
/// </summary>
public sealed class DisclosureFiguresTests
{
    private static readonly DateOnly From = new(2023, 1, 1);
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    [Fact]
    public void Compose_answers_every_disclosure_key_in_total_and_per_applicant_column()
    {
        var figures = DisclosureFigures.Compose(new Dictionary<string, long>());
        string[] rows = ["requests_received", "requests_carried_in", "requests_concluded", "requests_carried_out", .. DisclosureMetrics.Outcomes.Select(o => "outcome." + o)];

        Assert.Contains("disclosure.proactively_published", figures.Keys);
        foreach (var row in rows)
        {
            Assert.Contains("disclosure." + row, figures.Keys);
            foreach (var column in DisclosureMetrics.Columns) Assert.Contains($"disclosure.{row}.{column}", figures.Keys);
        }
        Assert.Equal(1 + 10 + rows.Length * 7, figures.Count);   // published, table 二's ten, table 三's rows
        Assert.Contains("disclosure.outcome.withheld_third_party", figures.Keys);
    }

    [Fact]
    public void A_publication_day_counts_its_tally_and_a_later_state_replaces_it()
    {
        var day = PublicationDay(12);
        var contribution = Assert.Single(DisclosureFigures.Of(day));
        Assert.Equal(new Contribution("410105", DisclosureMetrics.ProactivelyPublished, new DateOnly(2023, 3, 1), 12), contribution);

        var grown = Contributions.Difference(DisclosureFigures.Of(day), DisclosureFigures.Of(PublicationDay(15)));
        Assert.Equal(3, Assert.Single(grown).Delta);
    }

    [Fact]
    public void Table_three_balances_in_every_column_with_carried_in_corrected_and_voided_requests()
    {
        var random = new Random(2023);
        var counters = new Dictionary<(string Metric, DateOnly Day), long>();
        void Apply(IEnumerable<Contribution> contributions)
        {
            foreach (var c in contributions) counters[(c.Metric, c.Day)] = counters.GetValueOrDefault((c.Metric, c.Day)) + c.Delta;
        }
        string[] applicants = [.. DisclosureMetrics.Columns.Select(c => "APPLICANT_TYPE_" + c.ToUpperInvariant())];
        for (var i = 0; i < 500; i++)
        {
            var receivedOn = new DateOnly(2021, 6, 1).AddDays(random.Next(900));
            DateOnly? concludedOn = random.Next(4) == 0 ? null : receivedOn.AddDays(random.Next(60));
            var request = Request(receivedOn, concludedOn, applicants[random.Next(applicants.Length)]);
            var applied = DisclosureFigures.Of(request);
            Apply(applied);
            if (random.Next(10) == 0)   // a correction or a void: only the difference is applied, as the projector does
            {
                var next = random.Next(2) == 0 ? request with { Voided = true, Version = 2 } : request with { ConcludedOn = receivedOn.AddDays(3), Outcome = "OUTCOME_OTHER", Version = 2 };
                Apply(Contributions.Difference(applied, DisclosureFigures.Of(next)));
            }
        }

        var sums = new Dictionary<string, long>();
        foreach (var ((metric, day), value) in counters)
        {
            var counts = DisclosureMetrics.StateCounters.Contains(metric) ? day <= AsOf : day >= From && day <= AsOf;
            if (counts) sums[metric] = sums.GetValueOrDefault(metric) + value;
        }
        var figures = DisclosureFigures.Compose(sums);

        foreach (var suffix in DisclosureMetrics.Columns.Select(c => "." + c).Prepend(""))
        {
            Assert.Equal(figures["disclosure.requests_received" + suffix] + figures["disclosure.requests_carried_in" + suffix],
                figures["disclosure.requests_concluded" + suffix] + figures["disclosure.requests_carried_out" + suffix]);
        }
        // Carried in is what was open on 1 January counted directly: the open count summed to 31 December.
        var openOnNewYear = counters.Where(c => c.Key.Metric == DisclosureMetrics.RequestsOpen && c.Key.Day < From).Sum(c => c.Value);
        Assert.Equal(openOnNewYear, figures["disclosure.requests_carried_in"]);
        Assert.True(openOnNewYear > 0);
    }

    private static DisclosureCaseChanged PublicationDay(int published) => new()
    {
        CaseId = Guid.Parse("0193a000-0000-7000-8000-000000000001"), Version = published, Org = "410105",
        Kind = DisclosureCaseChanged.PublicationDayKind, PublishedOn = new DateOnly(2023, 3, 1), Published = published, ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static DisclosureCaseChanged Request(DateOnly receivedOn, DateOnly? concludedOn, string applicantType) => new()
    {
        CaseId = Guid.CreateVersion7(), Version = 1, Org = "410105", Kind = DisclosureCaseChanged.RequestKind,
        ReceivedOn = receivedOn, ApplicantType = applicantType, ConcludedOn = concludedOn,
        Outcome = concludedOn is null ? null : "OUTCOME_DISCLOSED", ChangedAt = DateTimeOffset.UnixEpoch,
    };
}
