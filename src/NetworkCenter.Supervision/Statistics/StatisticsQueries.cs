using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// The statistics of the register over a period (see <see cref="StatisticsSql"/> for what adopted and value mean): one
/// method per table, reading one SQL statement (several tables share one where a single pass over the period's clues or
/// sources gives them all), so the page, the exports and the monthly report read the same figures.
/// </summary>
internal sealed partial class StatisticsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Every table of the period at once: what the statistics page shows. The statements run side by side, each on a
    /// connection of its own, the longest first; none depends on another's result. (The kind filter is an exists
    /// rather than a join to the clues, so that without a kind the year's decisions are not joined to 100,000 clues.)
    /// </summary>
    public async Task<StatisticsOverview> OverviewAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var givenRead = GivenAsync(period, cancellationToken);
        var deadlinesRead = DeadlinesAsync(period, cancellationToken);
        var registeredRead = RegisteredAsync(period, cancellationToken);
        var outcomeMonthsRead = OutcomeMonthsAsync(period, cancellationToken);
        var decisionsRead = DecisionsAsync(period, cancellationToken);
        var outcomesRead = OutcomesAsync(period, cancellationToken);
        var (given, registered, outcomes, deadlines) = (await givenRead, await registeredRead, await outcomesRead, await deadlinesRead);
        var (kinds, sources) = (Kinds(registered), Sources(given));
        return new StatisticsOverview(Summarise(period, kinds, sources, outcomes, deadlines), sources, Offices(given), Liaisons(given),
            kinds, Statuses(registered), await decisionsRead, outcomes, deadlines, Months(period, registered, given, await outcomeMonthsRead),
            Fields(registered));
    }

    public async Task<StatisticsSummary> SummaryAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var (given, registered) = (GivenAsync(period, cancellationToken), RegisteredAsync(period, cancellationToken));
        var (outcomes, deadlines) = (OutcomesAsync(period, cancellationToken), DeadlinesAsync(period, cancellationToken));
        return Summarise(period, Kinds(await registered), Sources(await given), await outcomes, await deadlines);
    }

    public Task<IReadOnlyList<DecisionFigures>> DecisionsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<DecisionFigures>("""
            select d.decision as Decision, d.decider_role as DeciderRole, count(*) as Decisions
            from supervision.clue_decisions d
            where d.decided_at >= @from and d.decided_at < @to
              and (@kind::text is null or exists (select 1 from supervision.clues c where c.id = d.clue_id and c.kind = @kind::text))
            group by d.decision, d.decider_role
            order by d.decision, d.decider_role
            """, StatisticsSql.Parameters(period), cancellationToken);

    public Task<IReadOnlyList<OutcomeFigures>> OutcomesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<OutcomeFigures>("""
            select o.kind as Outcome, count(*) as Outcomes, sum(o.amount_recovered) as AmountRecovered, sum(o.loss_avoided) as LossAvoided
            from supervision.clue_outcomes o
            where o.recorded_at >= @from and o.recorded_at < @to
              and (@kind::text is null or exists (select 1 from supervision.clues c where c.id = o.clue_id and c.kind = @kind::text))
            group by o.kind
            order by o.kind
            """, StatisticsSql.Parameters(period), cancellationToken);

    private static StatisticsSummary Summarise(StatisticsPeriod period, IReadOnlyList<KindFigures> kinds, IReadOnlyList<SourceFigures> sources,
        IReadOnlyList<OutcomeFigures> outcomes, IReadOnlyList<DeadlineFigures> deadlines)
    {
        long registered = kinds.Sum(k => k.Registered), adopted = kinds.Sum(k => k.Adopted);
        long given = sources.Sum(s => s.Given), givenAdopted = sources.Sum(s => s.Adopted);
        long completed = deadlines.Sum(d => d.Completed), onTime = deadlines.Sum(d => d.CompletedOnTime);
        return new StatisticsSummary(period.From, period.To, period.Kind, period.AsOf,
            registered, adopted, RateOf(adopted, registered), given, givenAdopted, RateOf(givenAdopted, given),
            outcomes.Sum(o => o.Outcomes), outcomes.Sum(o => o.AmountRecovered), outcomes.Sum(o => o.LossAvoided),
            completed, onTime, RateOf(onTime, completed));
    }

    /// <summary>The same rounding as the SQL's <c>round(x::numeric / y, 4)</c>.</summary>
    internal static decimal? RateOf(long part, long whole) =>
        whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>Runs one statement in a transaction of its own on a connection of its own, under <see cref="StatisticsSql.Settings"/>.</summary>
    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StatisticsSql.Settings, transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. rows];
    }
}

/// <summary>All the tables of one period.</summary>
internal sealed record StatisticsOverview(StatisticsSummary Summary, IReadOnlyList<SourceFigures> Sources, IReadOnlyList<OfficeFigures> Offices,
    IReadOnlyList<LiaisonFigures> Liaisons, IReadOnlyList<KindFigures> Kinds, IReadOnlyList<StatusFigures> Statuses,
    IReadOnlyList<DecisionFigures> Decisions, IReadOnlyList<OutcomeFigures> Outcomes, IReadOnlyList<DeadlineFigures> Deadlines,
    IReadOnlyList<MonthFigures> Months, IReadOnlyList<FieldFigures> Fields);
