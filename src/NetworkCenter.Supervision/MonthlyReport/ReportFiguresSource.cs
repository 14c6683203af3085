namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>A month's figures for the report, from the statistics queries (Statistics/).</summary>
internal sealed class ReportFiguresSource
{
    public Task<ReportFigures> LoadAsync(ReportMonth month, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The statistics queries are not merged yet; no figures for {month}.");
}
