using System.Text;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// Normalised forms for finding duplicates: case, whitespace and full-width punctuation differ between a liaison's
/// email and a clerk's typing, so <c>（2025）冀0123民初 456 号</c> and <c>(2025)冀0123民初456号</c> are one case.
/// </summary>
internal static class ClueKeys
{
    public static string? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = text.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!char.IsWhiteSpace(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    /// <summary>What text search looks in: summary, court, case number, judge, parties and agents.</summary>
    public static string SearchText(ClueInput clue) => string.Join('\n', new[]
        {
            clue.Summary, clue.Court, clue.CaseNumber, ClueKeys.Of(clue.CaseNumber), clue.Judge,
        }
        .Concat((clue.Parties ?? []).SelectMany(p => new[] { p.Name, p.IdNumber }))
        .Concat((clue.Agents ?? []).SelectMany(a => new[] { a.Name, a.LawFirm }))
        .Where(s => !string.IsNullOrWhiteSpace(s)));
}
