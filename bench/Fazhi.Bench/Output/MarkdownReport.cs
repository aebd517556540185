using System.Text;

namespace Fazhi.Bench.Output;

/// <summary>The results table, printed and written to bench/results/latest.md (the file the README names).</summary>
public static class MarkdownReport
{
    public static string Render(RunInfo run, IReadOnlyList<Figure> figures, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Fazhi benchmark, {run.StartedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        text.AppendLine($"- machine: {run.Machine}; the services, PostgreSQL, RabbitMQ and the load generator all run on it");
        text.AppendLine($"- commit: {run.Commit}");
        text.AppendLine($"- command: `{run.Command}`").AppendLine();
        text.AppendLine("| figure | result | goal | verdict | how measured |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var f in figures)
            text.AppendLine($"| {Cell(f.Name)} | {Cell(f.Result)} | {Cell(f.Goal)} | {VerdictText(f.Verdict)} | {Cell(f.Method)} |");
        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("Notes:").AppendLine();
            foreach (var note in notes) text.AppendLine($"- {note}");
        }
        return text.ToString();
    }

    private static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Miss => "**MISS**",
        Verdict.NotMeasured => "not measured",
        Verdict.Fail => "**FAIL**",
        _ => "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
