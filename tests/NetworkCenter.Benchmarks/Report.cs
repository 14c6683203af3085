using System.Globalization;
using System.Text;

namespace NetworkCenter.Benchmarks;

/// <summary>Rows of measured figures, each beside its baseline from the same run, printed as a Markdown table.</summary>
internal sealed class Report
{
    private readonly List<string> _notes = [];
    private readonly List<(string Figure, string Measured, string Baseline, string Goal, bool? Met)> _rows = [];

    public void Note(string note)
    {
        _notes.Add(note);
        Console.Error.WriteLine(note);
    }

    public void Add(string figure, string measured, string baseline, string goal, bool? met)
    {
        _rows.Add((figure, measured, baseline, goal, met));
        Console.Error.WriteLine($"{figure}: {measured} (baseline {baseline}; goal {goal})");
    }

    public static string Format(double value, string unit) => value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        foreach (var note in _notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        text.AppendLine().AppendLine("| figure | measured | baseline (same run) | goal | met |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "-" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Measured} | {row.Baseline} | {row.Goal} | {met} |");
        }
        return text.ToString();
    }
}
