using NetworkCenter.Supervision.Statistics;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// A month's figures for the report, from the statistics queries (Statistics/), so the report, the statistics page and
/// the exports count the same way: the clues received in the month, with what came of them up to the build.
/// </summary>
internal sealed class ReportFiguresSource(StatisticsQueries queries, TimeProvider clock)
{
    /// <summary>The ranking in the members' report: the best, not the whole network.</summary>
    private const int RankedLiaisons = 20;

    public async Task<ReportFigures> LoadAsync(ReportMonth month, CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        var overview = await queries.OverviewAsync(StatisticsPeriod.Month(month.Year, month.Month, asOf), cancellationToken);
        var first = month.AddMonths(-11);
        var year = new StatisticsPeriod(new DateOnly(first.Year, first.Month, 1), new DateOnly(month.Year, month.Month, 1).AddMonths(1), null, asOf);
        var trend = await queries.MonthsAsync(year, cancellationToken);
        var summary = overview.Summary;
        return new ReportFigures(
            month,
            summary.Registered,
            summary.AdoptedClues,
            summary.AdoptionRate,
            summary.AmountRecovered,
            summary.LossAvoided,
            summary.TasksCompleted,
            summary.TasksCompletedOnTime,
            Counts(overview.Kinds.GroupBy(k => k.Kind).Select(g => new ReportCount(g.Key, g.Sum(k => k.Registered)))),
            Counts(overview.Sources.Select(s => new ReportCount(s.Source, s.Given))),
            Counts(overview.Statuses.Select(s => new ReportCount(s.Status, s.Clues))),
            Counts(overview.Decisions.GroupBy(d => d.Decision).Select(g => new ReportCount(g.Key, g.Sum(d => d.Decisions)))),
            Counts(overview.Outcomes.Select(o => new ReportCount(o.Outcome, o.Outcomes))),
            [.. trend.Select(m => new ReportTrendPoint(m.Month, m.Registered, m.Adopted))],
            [.. overview.Liaisons.Take(RankedLiaisons).Select(l => new ReportLiaison(l.Rank, l.Liaison, l.Office, l.Given, l.Adopted, l.Value))]);
    }

    private static ReportCount[] Counts(IEnumerable<ReportCount> counts) =>
        [.. counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];
}
