using static NetworkCenter.Supervision.Statistics.StatisticsSql;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// The tables over the clues registered in the period (kinds, statuses, months) and over the sources given in it
/// (channels, offices, liaisons, months): each family is one pass with grouping sets, where one statement per table
/// read the year's 100,000 clues once per table. A table asked for alone runs its family's statement and keeps its rows.
/// </summary>
internal sealed partial class StatisticsQueries
{
    /// <summary>
    /// One group of the registered clues: <see cref="Set"/> says which (kind, status or month); the groups of the period
    /// have <see cref="Registered"/> above zero, and <see cref="Previous"/> counts the clues of the same number of days just
    /// before the period (for the fields that grow, <see cref="Growth"/>).
    /// </summary>
    private sealed record RegisteredGroup(string Set, string? Kind, string? Area, string? Status, string? Month, long Registered,
        long Adopted, decimal? AdoptionRate, long Previous, decimal? Growth);

    /// <summary>One group of the sources given: <see cref="Set"/> says which (source, office, liaison or month).</summary>
    private sealed record GivenGroup(string Set, string? Source, long? OfficeId, string? Office, string? OfficeKind, long? LiaisonId,
        string? Liaison, string? Unit, string? LiaisonOffice, string? Month, long Given, long Adopted, decimal? AdoptionRate,
        decimal AmountRecovered, decimal LossAvoided, decimal Value, long? Rank);

    public async Task<IReadOnlyList<KindFigures>> KindsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Kinds(await RegisteredAsync(period, cancellationToken));

    public async Task<IReadOnlyList<StatusFigures>> StatusesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Statuses(await RegisteredAsync(period, cancellationToken));

    public async Task<IReadOnlyList<SourceFigures>> SourcesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Sources(await GivenAsync(period, cancellationToken));

    public async Task<IReadOnlyList<OfficeFigures>> OfficesAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Offices(await GivenAsync(period, cancellationToken));

    /// <summary>Every liaison who gave a clue in the period, ranked over the whole period (see StatisticsQueries.Liaisons.cs).</summary>
    public async Task<IReadOnlyList<LiaisonFigures>> LiaisonsAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        Liaisons(await GivenAsync(period, cancellationToken));

    /// <summary>
    /// Kinds ordered by clues, then kind and area; statuses by clues, then status; months in any order. The clues of
    /// the days just before the period come in the same pass, counted apart (Previous) for the fields that grow.
    /// </summary>
    private Task<IReadOnlyList<RegisteredGroup>> RegisteredAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(Parameters(period));
        parameters.Add("previousFrom", period.Previous.FromInstant.UtcDateTime);
        return QueryAsync<RegisteredGroup>($"""
            with {Registered.Replace("c.received_at >= @from", "c.received_at >= @previousFrom", StringComparison.Ordinal)}
            select case when grouping(r.kind, r.public_interest_area) = 0 then 'kind'
                        when grouping(r.status) = 0 then 'status' else 'month' end as Set,
                   r.kind as Kind, r.public_interest_area as Area, r.status as Status,
                   to_char({MonthStartOf("r.received_at")}, 'YYYY-MM') as Month,
                   count(*) filter (where r.received_at >= @from) as Registered,
                   count(*) filter (where r.received_at >= @from and r.adopted) as Adopted,
                   {string.Format(Rate, "count(*) filter (where r.received_at >= @from and r.adopted)", "count(*) filter (where r.received_at >= @from)")} as AdoptionRate,
                   count(*) filter (where r.received_at < @from) as Previous,
                   round((count(*) filter (where r.received_at >= @from) - count(*) filter (where r.received_at < @from))::numeric
                         / nullif(count(*) filter (where r.received_at < @from), 0), 4) as Growth
            from registered r
            group by grouping sets ((r.kind, r.public_interest_area), (r.status), ({MonthStartOf("r.received_at")}))
            order by 1, count(*) filter (where r.received_at >= @from) desc, r.kind, r.public_interest_area, r.status
            """, parameters, cancellationToken);
    }

    private const string GivenSet = """
        case when grouping(g.source_kind) = 0 then 'source' when grouping(g.office_id) = 0 then 'office'
             when grouping(g.liaison_id) = 0 then 'liaison' else 'month' end
        """;

    /// <summary>
    /// Channels ordered by sources given, then channel; offices by adopted, then given, then name; liaisons ranked by
    /// adoption rate, then value (amount recovered + loss avoided), then the number adopted, never by the number given,
    /// equal figures sharing a rank, then by name; months in any order.
    /// </summary>
    private Task<IReadOnlyList<GivenGroup>> GivenAsync(StatisticsPeriod period, CancellationToken cancellationToken) =>
        QueryAsync<GivenGroup>($"""
            with {Given}, {Worth}, {GivenValued},
            counted as (
                select {GivenSet} as set, g.source_kind, g.office_id, g.liaison_id, {MonthStartOf("g.received_at")} as month,
                       count(*) as given, count(*) filter (where g.adopted) as adopted
                from given g
                group by grouping sets ((g.source_kind), (g.office_id), (g.liaison_id), ({MonthStartOf("g.received_at")}))
            ),
            valued as (
                select {GivenSet} as set, g.source_kind, g.office_id, g.liaison_id, {MonthStartOf("g.received_at")} as month,
                       sum(g.recovered) as recovered, sum(g.avoided) as avoided
                from given_valued g
                group by grouping sets ((g.source_kind), (g.office_id), (g.liaison_id), ({MonthStartOf("g.received_at")}))
            ),
            -- (the keys another set leaves null compared through coalesce, so the join can hash them)
            grouped as (
                select c.*, coalesce(v.recovered, 0)::numeric(18, 2) as recovered, coalesce(v.avoided, 0)::numeric(18, 2) as avoided
                from counted c left join valued v
                     on v.set = c.set and coalesce(v.source_kind, '') = coalesce(c.source_kind, '')
                    and coalesce(v.office_id, 0) = coalesce(c.office_id, 0) and coalesce(v.liaison_id, 0) = coalesce(c.liaison_id, 0)
                    and coalesce(v.month, '-infinity') = coalesce(c.month, '-infinity')
            ),
            figures as (
                select f.*, {string.Format(Rate, "f.adopted", "f.given")} as rate,
                       rank() over (partition by f.set
                                    order by {string.Format(Rate, "f.adopted", "f.given")} desc, f.recovered + f.avoided desc, f.adopted desc) as rnk
                from grouped f
                where f.set in ('source', 'month') or (f.set = 'office' and f.office_id is not null)
                   or (f.set = 'liaison' and f.liaison_id is not null)
            )
            select f.set as Set, f.source_kind as Source, f.office_id as OfficeId, o.name as Office, o.kind as OfficeKind,
                   f.liaison_id as LiaisonId, l.name as Liaison, l.unit as Unit, lo.name as LiaisonOffice, to_char(f.month, 'YYYY-MM') as Month,
                   f.given as Given, f.adopted as Adopted, f.rate as AdoptionRate, f.recovered as AmountRecovered, f.avoided as LossAvoided,
                   f.recovered + f.avoided as Value, f.rnk as Rank
            from figures f
                 left join supervision.offices o on f.set = 'office' and o.id = f.office_id
                 left join supervision.liaisons l on f.set = 'liaison' and l.id = f.liaison_id
                 left join supervision.offices lo on lo.id = l.office_id
            order by f.set, case when f.set = 'office' then f.adopted end desc, case when f.set = 'liaison' then f.rnk end,
                     case when f.set <> 'liaison' then f.given end desc, coalesce(o.name, l.name), f.source_kind, f.liaison_id
            """, Parameters(period), cancellationToken);

    private static List<KindFigures> Kinds(IReadOnlyList<RegisteredGroup> groups) =>
        [.. groups.Where(g => g.Set == "kind" && g.Registered > 0).Select(g => new KindFigures(g.Kind!, g.Area, g.Registered, g.Adopted, g.AdoptionRate))];

    private static List<StatusFigures> Statuses(IReadOnlyList<RegisteredGroup> groups) =>
        [.. groups.Where(g => g.Set == "status" && g.Registered > 0).Select(g => new StatusFigures(g.Status!, g.Registered))];

    private static List<SourceFigures> Sources(IReadOnlyList<GivenGroup> groups) =>
        [.. groups.Where(g => g.Set == "source")
            .Select(g => new SourceFigures(g.Source!, g.Given, g.Adopted, g.AdoptionRate, g.AmountRecovered, g.LossAvoided))];

    private static List<OfficeFigures> Offices(IReadOnlyList<GivenGroup> groups) =>
        [.. groups.Where(g => g.Set == "office")
            .Select(g => new OfficeFigures(g.OfficeId!.Value, g.Office!, g.OfficeKind!, g.Given, g.Adopted, g.AdoptionRate, g.AmountRecovered,
                g.LossAvoided))];

    private static List<LiaisonFigures> Liaisons(IReadOnlyList<GivenGroup> groups) =>
        [.. groups.Where(g => g.Set == "liaison")
            .Select(g => new LiaisonFigures(null, g.LiaisonId!.Value, g.Liaison!, g.Unit!, g.LiaisonOffice, g.Given, g.Adopted, g.AdoptionRate,
                g.AmountRecovered, g.LossAvoided, g.Value, g.Rank!.Value))];
}
