namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// What a monthly report shows, whatever computed it: the renderer draws exactly this, so the PDF's figures can be
/// checked against it. <see cref="Liaisons"/> names people and is left out of the congress report.
/// </summary>
public sealed record ReportFigures(
    ReportMonth Month,
    int Received,
    int Decided,
    int Adopted,
    decimal Value,
    int DeadlinesMet,
    int DeadlinesMissed,
    IReadOnlyList<ReportCount> ByKind,
    IReadOnlyList<ReportCount> BySource,
    IReadOnlyList<ReportCount> ByStatus,
    IReadOnlyList<ReportCount> ByOutcome,
    IReadOnlyList<ReportTrendPoint> Trend,
    IReadOnlyList<ReportLiaison> Liaisons)
{
    /// <summary>Adopted among decided (a clue still under review is neither), as a percentage; null when none decided.</summary>
    public decimal? AdoptionRate => Decided == 0 ? null : Math.Round(100m * Adopted / Decided, 1);
}

/// <summary>One bar of a chart and one row of its table: a vocabulary key (kind, source, status…) and its count.</summary>
public sealed record ReportCount(string Key, int Count);

/// <summary>One month of the trend: clues received and clues adopted.</summary>
public sealed record ReportTrendPoint(ReportMonth Month, int Received, int Adopted);

/// <summary>A liaison's month, for the incentive ranking (by adoption and value, not volume).</summary>
public sealed record ReportLiaison(string Name, string? Office, int Clues, int Adopted, decimal Value);
