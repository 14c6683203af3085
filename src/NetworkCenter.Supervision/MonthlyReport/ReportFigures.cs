namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// What a monthly report shows, taken from the statistics queries: the renderer draws exactly this, and it is stored
/// with the PDFs, so the PDF's figures can be checked against it. <see cref="Liaisons"/> names people and is left out
/// of the congress report.
/// </summary>
public sealed record ReportFigures(
    ReportMonth Month,
    long Received,
    long Adopted,
    decimal? AdoptionRate,
    decimal AmountRecovered,
    decimal LossAvoided,
    long TasksCompleted,
    long TasksOnTime,
    IReadOnlyList<ReportCount> ByKind,
    IReadOnlyList<ReportCount> BySource,
    IReadOnlyList<ReportCount> ByStatus,
    IReadOnlyList<ReportCount> ByDecision,
    IReadOnlyList<ReportCount> ByOutcome,
    IReadOnlyList<ReportTrendPoint> Trend,
    IReadOnlyList<ReportLiaison> Liaisons)
{
    /// <summary>The adoption rate as a percentage with one decimal (the statistics give a fraction); null when nothing was received.</summary>
    public decimal? AdoptionPercent => AdoptionRate is { } rate ? Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>One bar of a chart and one row of its table: a vocabulary key (kind, source, status…) and its count.</summary>
public sealed record ReportCount(string Key, long Count);

/// <summary>One month of the trend: clues received and clues adopted.</summary>
public sealed record ReportTrendPoint(string Month, long Received, long Adopted);

/// <summary>A liaison's month, for the incentive ranking (by adoption and value, not volume).</summary>
public sealed record ReportLiaison(long Rank, string Name, string? Office, long Clues, long Adopted, decimal Value);
