namespace NetworkCenter.Supervision.Statistics;

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
internal static class StatisticsSql
{
    /// <summary>Registered clues received in the period, merged ones counted once under the clue they were merged into.</summary>
    public const string Registered = """
        registered as (
            select c.id as clue_id, c.kind, c.public_interest_area, c.status, c.received_at
            from supervision.clues c
            where c.received_at >= @from and c.received_at < @to and c.register_number is not null and c.status <> 'merged'
              and (@kind::text is null or c.kind = @kind::text)
        )
        """;

    /// <summary>Every channel a registered clue arrived through in the period, under the clue it now belongs to.</summary>
    public const string Given = """
        given as (
            select s.clue_id, s.source_kind, s.office_id, s.liaison_id, s.received_at
            from supervision.clue_sources s join supervision.clues c on c.id = s.clue_id
            where s.received_at >= @from and s.received_at < @to and c.register_number is not null and c.status <> 'merged'
              and (@kind::text is null or c.kind = @kind::text)
        )
        """;

    /// <summary>The clues adopted before @asOf (see the class comment); one row per clue.</summary>
    public const string Adoption = """
        adoption as (
            select clue_id from supervision.clue_decisions where decision = 'file' and decided_at < @asOf
            union
            select clue_id from supervision.clue_status_history where to_status in ('filed', 'protest-proposed') and at < @asOf
        )
        """;

    /// <summary>The value recorded on each clue before @asOf.</summary>
    public const string Worth = """
        worth as (
            select clue_id, sum(amount_recovered) as recovered, sum(loss_avoided) as avoided
            from supervision.clue_outcomes where recorded_at < @asOf
            group by clue_id
        )
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
