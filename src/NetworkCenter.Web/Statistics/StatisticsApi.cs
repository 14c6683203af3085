using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Statistics;
using NetworkCenter.Supervision.Validation;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Statistics;

/// <summary>
/// The statistics of any period for staff, every table also as CSV and XLSX; a liaison's own monthly figures in the
/// portal; the outcomes of a clue.
/// </summary>
public static class StatisticsApi
{
    /// <summary>The period and filters every statistics route takes (see <see cref="StatisticsPeriod"/>).</summary>
    public sealed record PeriodQuery(string? From, string? To, string? Month, string? Kind, string? AsOf, int? Top, int? MinAdopted,
        long? LiaisonId);

    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddStatistics();
        return builder;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        var api = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("", OverviewAsync);
        api.MapGet("/{table}", TableAsync);

        app.MapGet("/api/portal/statistics", MineAsync).WithTags("Liaison portal").RequireAuthorization(AccessPolicies.Liaison);

        var outcomes = app.MapGroup("/api/clues/{id:long}/outcomes").WithTags("Clues");
        outcomes.MapGet("", async Task<Results<Ok<IReadOnlyList<ClueOutcomes.Entry>>, NotFound>> (long id, ClueOutcomes clueOutcomes,
            CancellationToken cancellationToken) =>
            await clueOutcomes.ListAsync(id, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .RequireAuthorization(AccessPolicies.Staff);
        outcomes.MapPost("", async Task<Results<Created<ClueOutcomes.Entry>, ValidationProblem, ProblemHttpResult, NotFound>> (
            long id, ClueOutcomes.Request? request, ClaimsPrincipal user, ClueOutcomes clueOutcomes, CancellationToken cancellationToken) =>
            (await clueOutcomes.RecordAsync(id, request ?? new(null, null, null, null), user.Current().Username, cancellationToken))
                .ToResults(entry => TypedResults.Created($"/api/clues/{id}/outcomes", entry)))
            .RequireAuthorization(AccessPolicies.OutcomeRecorder);
        return app;
    }

    private static async Task<Results<Ok<StatisticsOverview>, ValidationProblem>> OverviewAsync([AsParameters] PeriodQuery query,
        StatisticsQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var period = Period(query, clock, errors);
        return period is null
            ? errors.ToValidationProblem()
            : TypedResults.Ok(await queries.OverviewAsync(period, cancellationToken));
    }

    /// <summary><c>/api/statistics/sources</c> answers JSON, <c>sources.csv</c> and <c>sources.xlsx</c> the same rows as files.</summary>
    private static async Task<IResult> TableAsync(string table, [AsParameters] PeriodQuery query, StatisticsQueries queries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var format = Path.GetExtension(table) is ".csv" or ".xlsx" ? Path.GetExtension(table) : "";
        var name = table[..^format.Length];
        if (!StatisticsTables.Names.Contains(name))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status404NotFound, WebMessages.NoTable(name, StatisticsTables.Names)));
        }
        var errors = new FieldErrors();
        var period = Period(query, clock, errors);
        var options = Options(query, errors);
        if (period is null || errors.Any)
        {
            return errors.ToValidationProblem();
        }
        var rows = (await StatisticsTables.ReadAsync(name, queries, period, options, cancellationToken))!;
        var fileName = $"{name}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}{(period.Kind is null ? "" : "-" + period.Kind)}";
        return format switch
        {
            ".csv" => TypedResults.File(TableExport.Csv(rows.RowType, rows.Rows), TableExport.CsvContentType, fileName + ".csv"),
            ".xlsx" => TypedResults.File(TableExport.Xlsx(name, rows.RowType, rows.Rows), TableExport.XlsxContentType, fileName + ".xlsx"),
            _ => TypedResults.Ok(rows.Rows),
        };
    }

    /// <summary>The signed-in liaison's figures per month of the period, with their rank among all liaisons that month.</summary>
    private static async Task<Results<Ok<IReadOnlyList<LiaisonFigures>>, ValidationProblem, NotFound>> MineAsync(
        [AsParameters] PeriodQuery query, ClaimsPrincipal user, StatisticsQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.Current().LiaisonId is not { } me)
        {
            return TypedResults.NotFound();
        }
        var errors = new FieldErrors();
        var period = Period(query, clock, errors);
        return period is null
            ? errors.ToValidationProblem()
            : TypedResults.Ok(await queries.LiaisonMonthsAsync(period, me, cancellationToken));
    }

    private static StatisticsPeriod? Period(PeriodQuery query, TimeProvider clock, FieldErrors errors) =>
        StatisticsPeriod.Parse(query.From, query.To, query.Month, query.Kind, query.AsOf, clock.GetUtcNow(), errors);

    private static StatisticsTables.Options Options(PeriodQuery query, FieldErrors errors)
    {
        if (query.Top is < 1 or > 1000)
        {
            errors.Add("top", WebMessages.Between(1, 1000));
        }
        if (query.MinAdopted is < 1)
        {
            errors.Add("minAdopted", WebMessages.MinAdopted());
        }
        return new StatisticsTables.Options(query.Top ?? StatisticsQueries.DefaultTop, query.MinAdopted ?? StatisticsQueries.DefaultMinAdopted,
            query.LiaisonId);
    }
}
