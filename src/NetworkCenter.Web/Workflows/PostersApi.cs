using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Documents.Posters;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Pages;
using Npgsql;
using PdfSharp;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Workflows;

/// <summary>A procedure's poster as a one-page PDF, drawn on the server from the definition's diagram (BPMNDI).</summary>
public static class PostersApi
{
    public static RouteGroupBuilder MapPostersApi(this RouteGroupBuilder definitions)
    {
        definitions.MapGet("/{key}/poster.pdf", PdfAsync).RequireAuthorization(AccessPolicies.Staff);
        return definitions;
    }

    private sealed record Stored(string Xml, int Version, DateTime DeployedAt);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PdfAsync(
        string key, int? version, string? paper, HttpContext http, NpgsqlDataSource dataSource, PosterRenderer renderer,
        CancellationToken cancellationToken)
    {
        PageSize size;
        switch (paper?.ToUpperInvariant())
        {
            case null or "" or "A4":
                size = PageSize.A4;
                break;
            case "A3":
                size = PageSize.A3;
                break;
            default:
                return FieldProblems.One("paper", WebMessages.NotAPaper(paper));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<Stored>(
            """
            select xml, version, deployed_at as deployedat from engine.definitions
            where key = @key and (@version::int is null or version = @version) order by version desc limit 1
            """, new { key, version });
        if (stored is null)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status404NotFound, WebMessages.NoDefinition(key, version)));
        }
        var diagram = PosterDiagram.Read(stored.Xml, key);
        if (diagram is null)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status422UnprocessableEntity, WebMessages.NoDiagram(key, stored.Version)));
        }
        var english = PageLanguage.Resolve(http) == PageLanguage.English;
        // The date as the procuratorate reads it (UTC+8).
        var deployed = stored.DeployedAt.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subtitle = english ? $"{key} · version {stored.Version} · deployed {deployed}" : $"{key} · 第 {stored.Version} 版 · {deployed} 发布";
        var footer = english ? "Civil-Administrative Legal Supervision Information Network Center" : "民事行政法律监督信息网络中心";
        var pdf = renderer.Render(diagram, subtitle, footer, size, english);
        return TypedResults.File(pdf, "application/pdf", $"{key}-v{stored.Version}.pdf");
    }
}
