namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// The common table expressions every statistic is built from, over the register, the decisions, the outcomes, the
/// status history and the engine's tasks only (no counters kept by hand), so any past period can be recomputed.
/// <para>
/// <b>Adopted</b> (采纳): a clue counts as adopted once a decision to file was recorded on it (clue_decisions.decision =
/// 'file') or its status reached 'filed' or 'protest-proposed', before <c>@asOf</c>. When that first happened is kept per
/// clue in supervision.clue_adoptions (migration 0071: derived from the decisions and the status history by triggers,
/// rebuilt by one statement), so adoption before <c>@asOf</c> is <c>adopted_at &lt; @asOf</c>, one row per adopted clue
/// rather than two index probes per clue of the period. The adoption rate is adopted / registered over the clues
/// received in the period; per source (office, liaison, channel) it is over the sources given in the period
/// (clue_sources): a merged clue's sources belong to the surviving clue, so every liaison who gave the matter keeps the
/// credit for its adoption and its value.
/// </para>
/// <para>
/// <b>Value</b>: the amounts recovered for the state and the losses avoided recorded in clue_outcomes; a period's
/// value is what was recorded in it, a source's value is what was recorded, up to <c>@asOf</c>, on the clues it gave.
/// </para>
/// <para>
/// Each table family is one statement over the base tables, and the overview runs them side by side on connections of
/// their own (StatisticsQueries.OverviewAsync): the clues registered in the period grouped three ways at once (kinds,
/// statuses, months), the sources given in it four ways at once (channels, offices, liaisons, months), the processing
/// times over supervision.task_deadlines (migration 0072), and the small tables. Measured in BENCHMARKS.md, Statistics.
/// </para>
/// Parameters: <c>@from</c>, <c>@to</c> and <c>@asOf</c> as UTC instants, <c>@kind</c> text or null.
/// </summary>
internal static class StatisticsSql
{
    /// <summary>
    /// Set at the start of every statistics transaction. Measured on the benchmark's year (BENCHMARKS.md, Statistics):
    /// the plans of a year are costed far above jit_above_cost, and compiling them took longer than running them; the
    /// default 4 MB work_mem spilled the year's hashes and the processing-time sort to disk; and the overview already
    /// runs its statements side by side on a two-core machine, so parallel workers only queue behind them. The
    /// statements are prepared automatically after a few uses (Npgsql's auto-prepare), and after five executions of a
    /// prepared statement PostgreSQL may switch to a generic plan made without the period's dates, which for a year
    /// was about twice as slow: every statistics statement is planned for its own period.
    /// Local to the transaction: the rest of the service keeps the server's settings.
    /// </summary>
    public const string Settings =
        "set local jit = off; set local work_mem = '64MB'; set local max_parallel_workers_per_gather = 0; set local plan_cache_mode = force_custom_plan";

    /// <summary>
    /// Registered clues received in the period (merged ones counted once, under the clue they were merged into), each
    /// with whether it was adopted before @asOf.
    /// </summary>
    public const string Registered = """
        registered as (
            select c.id as clue_id, c.kind, c.public_interest_area, c.status, c.received_at,
                   coalesce(a.adopted_at < @asOf, false) as adopted
            from supervision.clues c left join supervision.clue_adoptions a on a.clue_id = c.id
            where c.received_at >= @from and c.received_at < @to and c.register_number is not null and c.status <> 'merged'
              and (@kind::text is null or c.kind = @kind::text)
        )
        """;

    /// <summary>
    /// The sources (<c>s</c>, supervision.clue_sources) that count for the period: received in it, under a clue that is
    /// registered, not merged and of the kind. Written as "not a clue left out" rather than a join to the clues: without
    /// a kind, the clues left out (drafts, merged) are a handful read through clues_uncounted_idx, where the join hashed
    /// the year's 100,000 clues (a third of the statement).
    /// </summary>
    private const string SourceCounts = """
        s.received_at >= @from and s.received_at < @to
              and not exists (select 1 from supervision.clues c
                              where c.id = s.clue_id
                                and (c.register_number is null or c.status = 'merged' or (@kind::text is not null and c.kind is distinct from @kind::text)))
        """;

    /// <summary>
    /// Every channel a registered clue arrived through in the period, under the clue it now belongs to (a merge moves a
    /// later source onto an older clue), with whether that clue was adopted before @asOf.
    /// </summary>
    public const string Given = $"""
        given as (
            select s.clue_id, s.source_kind, s.office_id, s.liaison_id, s.received_at,
                   coalesce(a.adopted_at < @asOf, false) as adopted
            from supervision.clue_sources s left join supervision.clue_adoptions a on a.clue_id = s.clue_id
            where {SourceCounts}
        )
        """;

    /// <summary>
    /// The sources of <see cref="Given"/> whose clue has a value (<see cref="Worth"/>, which it follows), with that value:
    /// found from the outcomes' side, a few index probes, where adding the value to every source given cost a fifth of
    /// the statement.
    /// </summary>
    public const string GivenValued = $"""
        given_valued as (
            select s.source_kind, s.office_id, s.liaison_id, s.received_at, w.recovered, w.avoided
            from worth w join supervision.clue_sources s on s.clue_id = w.clue_id
            where {SourceCounts}
        )
        """;

    /// <summary>
    /// The value recorded on each clue before @asOf. Over every outcome, not only the period's clues': outcomes are one
    /// clue in a hundred, and the join to the clues given keeps theirs anyway.
    /// </summary>
    public const string Worth = """
        worth as (
            select clue_id, sum(amount_recovered) as recovered, sum(loss_avoided) as avoided
            from supervision.clue_outcomes where recorded_at < @asOf
            group by clue_id
        )
        """;

    /// <summary>The first instant (as a timestamp without zone) of the CST calendar month of a timestamptz column.</summary>
    public static string MonthStartOf(string column) => $"date_trunc('month', ({column} at time zone 'UTC') + interval '8 hours')";

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
