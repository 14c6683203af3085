using NetworkCenter.Supervision.Statistics;

namespace NetworkCenter.Web.Statistics;

/// <summary>
/// The statistics tables by the name they have in the API and the export file names: one place, so every table the API
/// returns is exportable and the exports hold exactly what the API answers.
/// </summary>
internal static class StatisticsTables
{
    /// <summary>Options of some tables: <c>top</c> and <c>minAdopted</c> for outstanding, <c>liaisonId</c> for liaison-months.</summary>
    public sealed record Options(int Top, int MinAdopted, long? LiaisonId);

    public sealed record Table(string Name, Type RowType, IReadOnlyList<object> Rows);

    private delegate Task<IReadOnlyList<object>> Reader(StatisticsQueries queries, StatisticsPeriod period, Options options, CancellationToken cancellationToken);

    private static readonly Dictionary<string, (Type RowType, Reader Read)> ByName = new(StringComparer.Ordinal)
    {
        ["summary"] = Of<StatisticsSummary>(async (q, p, _, c) => [await q.SummaryAsync(p, c)]),
        ["sources"] = Of<SourceFigures>((q, p, _, c) => q.SourcesAsync(p, c)),
        ["offices"] = Of<OfficeFigures>((q, p, _, c) => q.OfficesAsync(p, c)),
        ["liaisons"] = Of<LiaisonFigures>((q, p, _, c) => q.LiaisonsAsync(p, c)),
        ["liaison-months"] = Of<LiaisonFigures>((q, p, o, c) => q.LiaisonMonthsAsync(p, o.LiaisonId, c)),
        ["outstanding"] = Of<LiaisonFigures>((q, p, o, c) => q.OutstandingLiaisonsAsync(p, o.Top, o.MinAdopted, c)),
        ["kinds"] = Of<KindFigures>((q, p, _, c) => q.KindsAsync(p, c)),
        ["statuses"] = Of<StatusFigures>((q, p, _, c) => q.StatusesAsync(p, c)),
        ["decisions"] = Of<DecisionFigures>((q, p, _, c) => q.DecisionsAsync(p, c)),
        ["outcomes"] = Of<OutcomeFigures>((q, p, _, c) => q.OutcomesAsync(p, c)),
        ["deadlines"] = Of<DeadlineFigures>((q, p, _, c) => q.DeadlinesAsync(p, c)),
        ["months"] = Of<MonthFigures>((q, p, _, c) => q.MonthsAsync(p, c)),
        ["fields"] = Of<FieldFigures>((q, p, _, c) => q.FieldsAsync(p, c)),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static async Task<Table?> ReadAsync(string name, StatisticsQueries queries, StatisticsPeriod period, Options options,
        CancellationToken cancellationToken) =>
        ByName.TryGetValue(name, out var table)
            ? new Table(name, table.RowType, await table.Read(queries, period, options, cancellationToken))
            : null;

    private static (Type, Reader) Of<T>(Func<StatisticsQueries, StatisticsPeriod, Options, CancellationToken, Task<IReadOnlyList<T>>> read)
        where T : notnull =>
        (typeof(T), async (q, p, o, c) => [.. (await read(q, p, o, c)).Cast<object>()]);
}
