using Dapper;
using NetworkCenter.Supervision.Statistics;
using Npgsql;
using static NetworkCenter.Supervision.Tests.Statistics.Reference.ReferenceStatisticsSql;

namespace NetworkCenter.Supervision.Tests.Statistics.Reference;

/// <summary>
/// The statistics as the service computed them before the derived tables (migrations 0071 and 0072): every figure from
/// the register, the decisions, the status history, the outcomes and engine.tasks joined to engine.instances, worked out
/// per request (a temporary facts table per overview). Kept unchanged as the from-scratch recomputation the fast path is
/// compared with in StatisticsDerivedFacts: a trigger missing or wrong makes the two disagree.
/// </summary>
internal sealed partial class ReferenceStatisticsQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The one connection and transaction of an overview, so its tables share one <see cref="ReferenceStatisticsSql.Facts"/>
    /// table; the table methods read it through this rather than taking a connection, to keep their signatures simple.
    /// </summary>
    private static readonly AsyncLocal<NpgsqlTransaction?> Shared = new();

    /// <summary>Every table of the period at once: what the statistics page shows.</summary>
    public async Task<StatisticsOverview> OverviewAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        // The tables that do not read the facts run beside them on connections of their own (started before the shared
        // transaction is set, so they do not see it).
        var deadlinesRead = DeadlinesAsync(period, cancellationToken);
        var decisionsRead = DecisionsAsync(period, cancellationToken);
        var outcomesRead = OutcomesAsync(period, cancellationToken);
        var fieldsRead = FieldsAsync(period, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Settings, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(Facts, Parameters(period), transaction, cancellationToken: cancellationToken));
        Shared.Value = transaction;
        try
        {
            var kinds = await KindsAsync(period, cancellationToken);
            var sources = await SourcesAsync(period, cancellationToken);
            var offices = await OfficesAsync(period, cancellationToken);
            var liaisons = await LiaisonsAsync(period, cancellationToken);
            var statuses = await StatusesAsync(period, cancellationToken);
            var months = await MonthsAsync(period, cancellationToken);
            var (outcomes, deadlines) = (await outcomesRead, await deadlinesRead);
            return new StatisticsOverview(Summarise(period, kinds, sources, outcomes, deadlines), sources, offices, liaisons, kinds,
                statuses, await decisionsRead, outcomes, deadlines, months, await fieldsRead);
        }
        finally
        {
            Shared.Value = null;
        }
    }

    public async Task<StatisticsSummary> SummaryAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Summarise(period, await KindsAsync(period, cancellationToken), await SourcesAsync(period, cancellationToken),
            await OutcomesAsync(period, cancellationToken), await DeadlinesAsync(period, cancellationToken));

    public Task<IReadOnlyList<SourceFigures>> SourcesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<SourceFigures>(period, $"""
            with {Given}, {Adoption}, {Worth}
            select g.source_kind as Source, count(*) as Given, count(a.clue_id) as Adopted,
                   {string.Format(Rate, "count(a.clue_id)", "count(*)")} as AdoptionRate,
                   coalesce(sum(w.recovered), 0)::numeric(18, 2) as AmountRecovered, coalesce(sum(w.avoided), 0)::numeric(18, 2) as LossAvoided
            from given g left join adoption a on a.clue_id = g.clue_id left join worth w on w.clue_id = g.clue_id
            group by g.source_kind
            order by count(*) desc, g.source_kind
            """, cancellationToken);

    public Task<IReadOnlyList<OfficeFigures>> OfficesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<OfficeFigures>(period, $"""
            with {Given}, {Adoption}, {Worth}
            select o.id as OfficeId, o.name as Office, o.kind as OfficeKind, count(*) as Given, count(a.clue_id) as Adopted,
                   {string.Format(Rate, "count(a.clue_id)", "count(*)")} as AdoptionRate,
                   coalesce(sum(w.recovered), 0)::numeric(18, 2) as AmountRecovered, coalesce(sum(w.avoided), 0)::numeric(18, 2) as LossAvoided
            from given g join supervision.offices o on o.id = g.office_id
                 left join adoption a on a.clue_id = g.clue_id left join worth w on w.clue_id = g.clue_id
            group by o.id, o.name, o.kind
            order by count(a.clue_id) desc, count(*) desc, o.name
            """, cancellationToken);

    public Task<IReadOnlyList<KindFigures>> KindsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<KindFigures>(period, $"""
            with {Registered}, {Adoption}
            select r.kind as Kind, r.public_interest_area as Area, count(*) as Registered, count(a.clue_id) as Adopted,
                   {string.Format(Rate, "count(a.clue_id)", "count(*)")} as AdoptionRate
            from registered r left join adoption a on a.clue_id = r.clue_id
            group by r.kind, r.public_interest_area
            order by count(*) desc, r.kind, r.public_interest_area
            """, cancellationToken);

    public Task<IReadOnlyList<StatusFigures>> StatusesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<StatusFigures>(period, $"""
            with {Registered}
            select r.status as Status, count(*) as Clues from registered r group by r.status order by count(*) desc, r.status
            """, cancellationToken);

    public Task<IReadOnlyList<DecisionFigures>> DecisionsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<DecisionFigures>(period, """
            select d.decision as Decision, d.decider_role as DeciderRole, count(*) as Decisions
            from supervision.clue_decisions d join supervision.clues c on c.id = d.clue_id
            where d.decided_at >= @from and d.decided_at < @to and (@kind::text is null or c.kind = @kind::text)
            group by d.decision, d.decider_role
            order by d.decision, d.decider_role
            """, cancellationToken);

    public Task<IReadOnlyList<OutcomeFigures>> OutcomesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<OutcomeFigures>(period, """
            select o.kind as Outcome, count(*) as Outcomes, sum(o.amount_recovered) as AmountRecovered, sum(o.loss_avoided) as LossAvoided
            from supervision.clue_outcomes o join supervision.clues c on c.id = o.clue_id
            where o.recorded_at >= @from and o.recorded_at < @to and (@kind::text is null or c.kind = @kind::text)
            group by o.kind
            order by o.kind
            """, cancellationToken);

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

    /// <summary>Runs one table's SQL, first writing the facts table it reads unless an overview already did.</summary>
    private async Task<IReadOnlyList<T>> QueryAsync<T>(StatisticsPeriod period, string sql, CancellationToken cancellationToken,
        object? parameters = null)
    {
        parameters ??= Parameters(period);
        if (Shared.Value is { Connection: { } shared } sharedTransaction)
        {
            return [.. await shared.QueryAsync<T>(new CommandDefinition(sql, parameters, sharedTransaction, cancellationToken: cancellationToken))];
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Settings, transaction: transaction, cancellationToken: cancellationToken));
        if (sql.Contains("statistics_facts", StringComparison.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(Facts, Parameters(period), transaction, cancellationToken: cancellationToken));
        }
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return [.. rows];
    }
}
