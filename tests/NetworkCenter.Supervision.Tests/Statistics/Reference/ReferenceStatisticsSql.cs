using NetworkCenter.Supervision.Statistics;

namespace NetworkCenter.Supervision.Tests.Statistics.Reference;

/// <summary>
/// The common table expressions every statistic is built from, over the register, the decisions, the outcomes and the
/// status history only (no counters kept by hand), so any past period can be recomputed.
/// <para>
/// <b>Adopted</b> (采纳): a clue counts as adopted once a decision to file was recorded on it (clue_decisions.decision =
/// 'file') or its status reached 'filed' or 'protest-proposed', before <c>@asOf</c>. The adoption rate is adopted /
/// registered over the clues received in the period; per source (office, liaison, channel) it is over the sources
/// given in the period (clue_sources): a merged clue's sources belong to the surviving clue, so every liaison who gave
/// the matter keeps the credit for its adoption and its value.
/// </para>
/// <para>
/// <b>Value</b>: the amounts recovered for the state and the losses avoided recorded in clue_outcomes; a period's
/// value is what was recorded in it, a source's value is what was recorded, up to <c>@asOf</c>, on the clues it gave.
/// </para>
/// Parameters: <c>@from</c>, <c>@to</c> and <c>@asOf</c> as UTC instants, <c>@kind</c> text or null.
/// </summary>
internal static class ReferenceStatisticsSql
{
    /// <summary>
    /// Set at the start of every statistics transaction. Measured on the benchmark's year (BENCHMARKS.md, Statistics):
    /// the plans of a year are costed far above jit_above_cost, and compiling them took 0.6 s of a 1.2 s facts
    /// statement; the default 4 MB work_mem spilled the year's hashes and the processing-time sort to disk; and the
    /// overview already runs five statements at once on a two-core machine, so parallel workers only queue behind them.
    /// Local to the transaction: the rest of the service keeps the server's settings.
    /// </summary>
    public const string Settings = "set local jit = off; set local work_mem = '64MB'; set local max_parallel_workers_per_gather = 0";

    /// <summary>
    /// Written once per request in its transaction (see ReferenceStatisticsQueries.QueryAsync), so that adoption and value are
    /// worked out once per clue rather than once per table: every registered, unmerged clue of the kind that was
    /// received in the period or holds a source received in it (a merge moves a later source onto an older clue).
    /// </summary>
    public const string Facts = """
        create temporary table statistics_facts on commit drop as
        with scope as (
            select c.id from supervision.clues c where c.received_at >= @from and c.received_at < @to
            union
            select s.clue_id from supervision.clue_sources s where s.received_at >= @from and s.received_at < @to
        ),
        -- over every outcome, not only the scope's: outcomes are few beside clues, and the join below keeps the scope's
        -- anyway, where filtering by the scope first cost a second pass and sort of a year's 100,000 clue ids
        worth as (
            select clue_id, sum(amount_recovered) as recovered, sum(loss_avoided) as avoided
            from supervision.clue_outcomes where recorded_at < @asOf
            group by clue_id
        )
        select c.id as clue_id, c.kind, c.public_interest_area, c.status, c.received_at,
               exists (select 1 from supervision.clue_decisions d
                       where d.clue_id = c.id and d.decision = 'file' and d.decided_at < @asOf)
               or exists (select 1 from supervision.clue_status_history h
                          where h.clue_id = c.id and h.to_status in ('filed', 'protest-proposed') and h.at < @asOf) as adopted,
               w.recovered, w.avoided
        from scope join supervision.clues c on c.id = scope.id left join worth w on w.clue_id = c.id
        where c.register_number is not null and c.status <> 'merged' and (@kind::text is null or c.kind = @kind::text)
        """;

    /// <summary>Registered clues received in the period, merged ones counted once under the clue they were merged into.</summary>
    public const string Registered = """
        registered as (
            select f.clue_id, f.kind, f.public_interest_area, f.status, f.received_at
            from statistics_facts f where f.received_at >= @from and f.received_at < @to
        )
        """;

    /// <summary>Every channel a registered clue arrived through in the period, under the clue it now belongs to.</summary>
    public const string Given = """
        given as (
            select s.clue_id, s.source_kind, s.office_id, s.liaison_id, s.received_at
            from supervision.clue_sources s join statistics_facts f on f.clue_id = s.clue_id
            where s.received_at >= @from and s.received_at < @to
        )
        """;

    /// <summary>The clues adopted before @asOf (see the class comment); one row per clue.</summary>
    public const string Adoption = "adoption as (select clue_id from statistics_facts where adopted)";

    /// <summary>The value recorded on each clue before @asOf.</summary>
    public const string Worth = """
        worth as (select clue_id, recovered, avoided from statistics_facts where recovered is not null)
        """;

    /// <summary>A CST calendar month label of a timestamptz column.</summary>
    public static string MonthOf(string column) => $"to_char(({column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')";

    public const string Rate = "round({0}::numeric / nullif({1}, 0), 4)";

    public static object Parameters(StatisticsPeriod period) => new
    {
        from = period.FromInstant.UtcDateTime,
        to = period.ToInstant.UtcDateTime,
        asOf = period.AsOf.UtcDateTime,
        kind = period.Kind,
    };
}
