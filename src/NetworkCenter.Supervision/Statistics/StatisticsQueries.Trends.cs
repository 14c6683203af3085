using System.Globalization;
using static NetworkCenter.Supervision.Statistics.StatisticsSql;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>Processing times, months and growing fields.</summary>
internal sealed partial class StatisticsQueries
{
    private sealed record OutcomeMonth(string Month, long Outcomes, decimal AmountRecovered, decimal LossAvoided);

    /// <summary>
    /// Per procedure (definition key) and user task (element id): the tasks created in the period with a due date.
    /// On time means completed no later than the due date; a task still open at @asOf past its due date is overdue.
    /// Cancelled tasks (the procedure moved on without them) count nowhere. With a kind, only the procedures whose
    /// business key is a clue of that kind. Read from supervision.task_deadlines (migration 0072), one narrow row per
    /// engine task with its procedure, clue and hours taken: the median is exact, a year's completed tasks sorted per
    /// procedure task (measured in BENCHMARKS.md, Statistics).
    /// </summary>
    public Task<IReadOnlyList<DeadlineFigures>> DeadlinesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<DeadlineFigures>("""
            with t as (
                select t.procedure, t.element_id, t.name, t.due_at, t.completed_at < @asOf as done,
                       t.completed_at <= t.due_at as on_time, t.hours
                from supervision.task_deadlines t
                where t.created_at >= @from and t.created_at < @to
                  and (@kind::text is null or exists (select 1 from supervision.clues c where c.id = t.clue_id and c.kind = @kind::text))
            )
            select t.procedure as Procedure, t.element_id as Task, max(t.name) as TaskName, count(*) as Tasks,
                   count(*) filter (where t.done) as Completed,
                   count(*) filter (where t.done and t.on_time) as CompletedOnTime,
                   count(*) filter (where t.done and not t.on_time) as CompletedLate,
                   count(*) filter (where t.done is not true and t.due_at < @asOf) as OpenOverdue,
                   round((count(*) filter (where t.done and t.on_time))::numeric / nullif(count(*) filter (where t.done), 0), 4) as OnTimeShare,
                   percentile_cont(0.5) within group (order by t.hours) filter (where t.done) as MedianHours,
                   avg(t.hours) filter (where t.done) as AverageHours
            from t
            group by t.procedure, t.element_id
            order by t.procedure, t.element_id
            """, Parameters(period), cancellationToken);

    /// <summary>Each CST calendar month the period touches (a partial month counts only its days in the period).</summary>
    public async Task<IReadOnlyList<MonthFigures>> MonthsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var (registered, given, outcomes) =
            (RegisteredAsync(period, cancellationToken), GivenAsync(period, cancellationToken), OutcomeMonthsAsync(period, cancellationToken));
        return Months(period, await registered, await given, await outcomes);
    }

    private static List<MonthFigures> Months(StatisticsPeriod period, IReadOnlyList<RegisteredGroup> registered, IReadOnlyList<GivenGroup> given,
        IReadOnlyList<OutcomeMonth> outcomes)
    {
        var registeredBy = registered.Where(r => r.Set == "month").ToDictionary(r => r.Month!);
        var givenBy = given.Where(g => g.Set == "month").ToDictionary(g => g.Month!);
        var outcomesBy = outcomes.ToDictionary(o => o.Month);
        var months = new List<MonthFigures>();
        var last = period.To.AddDays(-1);
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var r = registeredBy.GetValueOrDefault(label);
            var o = outcomesBy.GetValueOrDefault(label);
            // 0.00: the scale numeric(18, 2) gives the months that have outcomes
            months.Add(new MonthFigures(label, r?.Registered ?? 0, r?.Adopted ?? 0, r?.AdoptionRate, givenBy.GetValueOrDefault(label)?.Given ?? 0,
                o?.Outcomes ?? 0, o?.AmountRecovered ?? 0.00m, o?.LossAvoided ?? 0.00m));
        }
        return months;
    }

    private Task<IReadOnlyList<OutcomeMonth>> OutcomeMonthsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<OutcomeMonth>($"""
            select {MonthOf("o.recorded_at")} as Month, count(*) as Outcomes,
                   sum(o.amount_recovered)::numeric(18, 2) as AmountRecovered, sum(o.loss_avoided)::numeric(18, 2) as LossAvoided
            from supervision.clue_outcomes o
            where o.recorded_at >= @from and o.recorded_at < @to
              and (@kind::text is null or exists (select 1 from supervision.clues c where c.id = o.clue_id and c.kind = @kind::text))
            group by 1
            """, Parameters(period), cancellationToken);

    /// <summary>
    /// The fields clues come from — the public-interest area (land, bankruptcy and restructuring, fees, pollution, ...)
    /// or, for other kinds, the kind — against the same number of days just before the period, growing first. Counted
    /// in the pass over the registered clues (StatisticsQueries.Register.cs), which reads the days before the period too.
    /// </summary>
    public async Task<IReadOnlyList<FieldFigures>> FieldsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Fields(await RegisteredAsync(period, cancellationToken));

    private static List<FieldFigures> Fields(IReadOnlyList<RegisteredGroup> groups) =>
        [.. groups.Where(g => g.Set == "kind")
            .Select(g => new FieldFigures(g.Area ?? g.Kind!, g.Kind!, g.Area, g.Registered, g.Previous, g.Registered - g.Previous, g.Growth))
            .OrderByDescending(f => f.Change).ThenByDescending(f => f.Clues).ThenBy(f => f.Field, StringComparer.Ordinal)];
}
