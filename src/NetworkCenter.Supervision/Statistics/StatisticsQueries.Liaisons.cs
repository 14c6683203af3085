using Dapper;
using static NetworkCenter.Supervision.Statistics.StatisticsSql;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// Liaison incentives. Ranked by adoption rate, then value (amount recovered + loss avoided), then the number adopted,
/// never by the number given: the network rewards adopted, valuable clues, not volume. Equal figures share a rank. The
/// list of every liaison over the period comes with the other tables of the sources given (StatisticsQueries.Register.cs),
/// ranked the same way.
/// </summary>
internal sealed partial class StatisticsQueries
{
    /// <summary>Outstanding liaisons need at least this many adopted clues in the period by default.</summary>
    public const int DefaultMinAdopted = 1;

    public const int DefaultTop = 10;

    /// <summary>Per liaison per CST month, ranked within each month; <paramref name="liaisonId"/> keeps one liaison's rows.</summary>
    public Task<IReadOnlyList<LiaisonFigures>> LiaisonMonthsAsync(StatisticsPeriod period, long? liaisonId, CancellationToken cancellationToken) =>
        LiaisonFiguresAsync(period, monthly: true, liaisonId, minAdopted: 0, top: null, cancellationToken);

    /// <summary>The liaisons to recognise: the best ranked over the period with at least <paramref name="minAdopted"/> adopted clues.</summary>
    public Task<IReadOnlyList<LiaisonFigures>> OutstandingLiaisonsAsync(StatisticsPeriod period, int top, int minAdopted,
        CancellationToken cancellationToken) =>
        LiaisonFiguresAsync(period, monthly: false, liaisonId: null, Math.Max(minAdopted, 1), top, cancellationToken);

    private Task<IReadOnlyList<LiaisonFigures>> LiaisonFiguresAsync(StatisticsPeriod period, bool monthly, long? liaisonId, int minAdopted,
        int? top, CancellationToken cancellationToken)
    {
        // grouped by the month's first instant, labelled once per group: to_char on every source cost more than the grouping
        var month = monthly ? $"to_char({MonthStartOf("g.received_at")}, 'YYYY-MM')" : "null::text";
        var groupBy = monthly ? $"{MonthStartOf("g.received_at")}, g.liaison_id" : "g.liaison_id";
        var parameters = new DynamicParameters(Parameters(period));
        parameters.Add("liaisonId", liaisonId);
        parameters.Add("minAdopted", minAdopted);
        parameters.Add("top", top);
        return QueryAsync<LiaisonFigures>($"""
            with {Given}, {Worth},
            figures as (
                select {month} as month, g.liaison_id, count(*) as given, count(*) filter (where g.adopted) as adopted,
                       coalesce(sum(w.recovered), 0)::numeric(18, 2) as recovered, coalesce(sum(w.avoided), 0)::numeric(18, 2) as avoided
                from given g left join worth w on w.clue_id = g.clue_id
                where g.liaison_id is not null
                group by {groupBy}
            ),
            ranked as (
                select f.*, {string.Format(Rate, "f.adopted", "f.given")} as rate, f.recovered + f.avoided as value,
                       rank() over (partition by f.month
                                    order by {string.Format(Rate, "f.adopted", "f.given")} desc, f.recovered + f.avoided desc, f.adopted desc) as rnk
                from figures f
            )
            select r.month as Month, l.id as LiaisonId, l.name as Liaison, l.unit as Unit, o.name as Office, r.given as Given,
                   r.adopted as Adopted, r.rate as AdoptionRate, r.recovered as AmountRecovered, r.avoided as LossAvoided,
                   r.value as Value, r.rnk as Rank
            from ranked r join supervision.liaisons l on l.id = r.liaison_id left join supervision.offices o on o.id = l.office_id
            where (@liaisonId::bigint is null or r.liaison_id = @liaisonId::bigint) and r.adopted >= @minAdopted
            order by r.month, r.rnk, l.name, l.id
            limit @top
            """, parameters, cancellationToken);
    }
}
