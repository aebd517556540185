using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Queries;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Reporting.Documents;

/// <summary>
/// Reads one organisation's year for the documents: the full year (to 31 December), or for the current year up to
/// today, with the same period of the previous year; the figures come from <see cref="YearToDateQuery"/>, so a code
/// prefix sums its organisations. Input is checked and the caller's scope enforced here, for the gRPC methods and the
/// HTML page alike.
/// </summary>
public sealed class ReportDocumentsQuery(YearToDateQuery ytd, BusinessClock clock)
{
    public sealed record Year(string Org, int Number, DateOnly AsOf, bool Complete, DateOnly PreviousAsOf);

    public Year Check(Caller caller, string? org, int year)
    {
        var today = clock.Today();
        var check = new InputCheck();
        var code = check.OrgPrefix("org", org);
        var number = check.Range("year", year, 1990, today.Year);
        check.ThrowIfInvalid();
        caller.EnsureCovers(code);
        var complete = number < today.Year;
        var asOf = complete ? new DateOnly(number, 12, 31) : today;
        return new Year(code, number, asOf, complete, asOf.AddYears(-1));
    }

    public async Task<DisclosureReport> DisclosureReportAsync(Year year, CancellationToken cancellationToken)
    {
        var figures = await FiguresAsync(year.Org, year.Number, year.AsOf, cancellationToken);
        return DisclosureTables.Report(year.Org, year.Number, year.AsOf, year.Complete, figures);
    }

    public async Task<AnnualReport> AnnualReportAsync(Year year, CancellationToken cancellationToken)
    {
        var current = FiguresAsync(year.Org, year.Number, year.AsOf, cancellationToken);
        var previous = FiguresAsync(year.Org, year.Number - 1, year.PreviousAsOf, cancellationToken);
        var (now, before) = (await current, await previous);
        var sentences = AnnualSentences.Write(new AnnualSentences.Input(year.Org, year.Number, year.AsOf, year.Complete, now, before));

        var report = new AnnualReport
        {
            Org = year.Org,
            Year = year.Number,
            AsOf = Format(year.AsOf),
            Complete = year.Complete,
            PreviousAsOf = Format(year.PreviousAsOf),
            Text = string.Concat(sentences),
            Disclosure = DisclosureTables.Report(year.Org, year.Number, year.AsOf, year.Complete, now),
        };
        report.Metrics.Add(now);
        report.PreviousPeriod.Add(before);
        report.Sentences.AddRange(sentences);
        return report;
    }

    private Task<SortedDictionary<string, double>> FiguresAsync(string org, int year, DateOnly asOf, CancellationToken cancellationToken) =>
        ytd.FiguresAsync(org, new DateOnly(year, 1, 1), asOf, cancellationToken);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
