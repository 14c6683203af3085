using NetworkCenter.Supervision.Statistics;
using static NetworkCenter.Supervision.Tests.Statistics.Reference.ReferenceStatisticsSql;

namespace NetworkCenter.Supervision.Tests.Statistics.Reference;

/// <summary>Processing times, months and growing fields.</summary>
internal sealed partial class ReferenceStatisticsQueries
{
    /// <summary>
    /// Per procedure (definition key) and user task (element id): the tasks created in the period with a due date.
    /// On time means completed no later than the due date; a task still open at @asOf past its due date is overdue.
    /// Cancelled tasks (the procedure moved on without them) count nowhere. With a kind, only the procedures whose
    /// business key is a clue of that kind.
    /// </summary>
    public Task<IReadOnlyList<DeadlineFigures>> DeadlinesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<DeadlineFigures>(period, """
            with t as (
                select d.key, t.element_id, t.name, t.created_at, t.due_at,
                       case when t.status = 'completed' and t.completed_at < @asOf then t.completed_at end as done_at
                from engine.tasks t join engine.instances i on i.id = t.instance_id join engine.definitions d on d.id = i.definition_id
                where t.created_at >= @from and t.created_at < @to and t.due_at is not null and t.status <> 'cancelled'
                  and (@kind::text is null or exists (
                      select 1 from supervision.clues c
                      where c.id = case when i.business_key ~ '^[0-9]{1,18}$' then i.business_key::bigint end and c.kind = @kind::text))
            )
            select t.key as Procedure, t.element_id as Task, max(t.name) as TaskName, count(*) as Tasks,
                   count(t.done_at) as Completed,
                   count(*) filter (where t.done_at <= t.due_at) as CompletedOnTime,
                   count(*) filter (where t.done_at > t.due_at) as CompletedLate,
                   count(*) filter (where t.done_at is null and t.due_at < @asOf) as OpenOverdue,
                   round((count(*) filter (where t.done_at <= t.due_at))::numeric / nullif(count(t.done_at), 0), 4) as OnTimeShare,
                   percentile_cont(0.5) within group (order by extract(epoch from t.done_at - t.created_at)::float8 / 3600)
                       filter (where t.done_at is not null) as MedianHours,
                   avg(extract(epoch from t.done_at - t.created_at)::float8 / 3600) as AverageHours
            from t
            group by t.key, t.element_id
            order by t.key, t.element_id
            """, cancellationToken);

    /// <summary>Each CST calendar month the period touches (a partial month counts only its days in the period).</summary>
    public Task<IReadOnlyList<MonthFigures>> MonthsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<MonthFigures>(period, $"""
            with {Registered}, {Given}, {Adoption},
            months as (
                select to_char(m, 'YYYY-MM') as month
                from generate_series(date_trunc('month', (@from::timestamptz at time zone 'UTC') + interval '8 hours'),
                                     (@to::timestamptz at time zone 'UTC') + interval '8 hours' - interval '1 microsecond',
                                     interval '1 month') m
            ),
            r as (
                select {MonthOf("r.received_at")} as month, count(*) as registered, count(a.clue_id) as adopted
                from registered r left join adoption a on a.clue_id = r.clue_id group by 1
            ),
            g as (select {MonthOf("g.received_at")} as month, count(*) as given from given g group by 1),
            o as (
                select {MonthOf("o.recorded_at")} as month, count(*) as outcomes,
                       sum(o.amount_recovered) as recovered, sum(o.loss_avoided) as avoided
                from supervision.clue_outcomes o join supervision.clues c on c.id = o.clue_id
                where o.recorded_at >= @from and o.recorded_at < @to and (@kind::text is null or c.kind = @kind::text)
                group by 1
            )
            select m.month as Month, coalesce(r.registered, 0) as Registered, coalesce(r.adopted, 0) as Adopted,
                   {string.Format(Rate, "r.adopted", "r.registered")} as AdoptionRate, coalesce(g.given, 0) as SourcesGiven,
                   coalesce(o.outcomes, 0) as Outcomes, coalesce(o.recovered, 0)::numeric(18, 2) as AmountRecovered, coalesce(o.avoided, 0)::numeric(18, 2) as LossAvoided
            from months m left join r on r.month = m.month left join g on g.month = m.month left join o on o.month = m.month
            order by m.month
            """, cancellationToken);

    /// <summary>
    /// The fields clues come from — the public-interest area (land, bankruptcy and restructuring, fees, pollution, ...)
    /// or, for other kinds, the kind — against the same number of days just before the period, growing first.
    /// </summary>
    public Task<IReadOnlyList<FieldFigures>> FieldsAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(Parameters(period));
        parameters.Add("previousFrom", period.Previous.FromInstant.UtcDateTime);
        return QueryAsync<FieldFigures>(period, """
            with counted as (
                select coalesce(c.public_interest_area, c.kind) as field, c.kind, c.public_interest_area as area,
                       count(*) filter (where c.received_at >= @from) as clues,
                       count(*) filter (where c.received_at < @from) as previous
                from supervision.clues c
                where c.received_at >= @previousFrom and c.received_at < @to and c.register_number is not null
                  and c.status <> 'merged' and (@kind::text is null or c.kind = @kind::text)
                group by c.kind, c.public_interest_area
            )
            select field as Field, kind as Kind, area as Area, clues as Clues, previous as PreviousClues, clues - previous as Change,
                   round((clues - previous)::numeric / nullif(previous, 0), 4) as Growth
            from counted
            order by clues - previous desc, clues desc, field
            """, cancellationToken, parameters);
    }
}
