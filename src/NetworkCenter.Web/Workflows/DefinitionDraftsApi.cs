using System.Text;
using System.Xml;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Web.Auth;
using Npgsql;
using NetworkCenter.Web.Localization;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Web.Workflows;

/// <summary>
/// The designer's drafts, one per process key, on the server so that a procedure half-edited on one machine opens on
/// another. A draft is only checked for being a BPMN file holding that process; deploying the key deletes it.
/// </summary>
public static class DefinitionDraftsApi
{
    private const string BpmnModel = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public sealed record DraftSummary(string Key, int? BaseVersion, string SavedBy, DateTimeOffset SavedAt);
    public sealed record Draft(string Key, string Xml, int? BaseVersion, string SavedBy, DateTimeOffset SavedAt);

    public static RouteGroupBuilder MapDefinitionDraftsApi(this RouteGroupBuilder definitions)
    {
        definitions.MapGet("/drafts", ListAsync).RequireAuthorization(AccessPolicies.Deployer);
        definitions.MapGet("/{key}/draft", GetAsync).RequireAuthorization(AccessPolicies.Deployer);
        // The content type is checked in the handler, not as routing metadata, so that a caller without the role hears 403 first.
        definitions.MapPut("/{key}/draft", PutAsync).RequireAuthorization(AccessPolicies.Deployer);
        definitions.MapDelete("/{key}/draft", DeleteAsync).RequireAuthorization(AccessPolicies.Deployer);
        return definitions;
    }

    private static async Task<Ok<List<DraftSummary>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            "select key, null as xml, base_version as baseversion, saved_by as savedby, saved_at as savedat from engine.definition_drafts order by saved_at desc");
        return TypedResults.Ok(rows.Select(r => new DraftSummary(r.Key, r.BaseVersion, r.SavedBy, Utc(r.SavedAt))).ToList());
    }

    private static async Task<Results<Ok<Draft>, NotFound>> GetAsync(string key, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "select key, xml, base_version as baseversion, saved_by as savedby, saved_at as savedat from engine.definition_drafts where key = @key",
            new { key });
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(new Draft(row.Key, row.Xml!, row.BaseVersion, row.SavedBy, Utc(row.SavedAt)));
    }

    private static async Task<Results<Ok<DraftSummary>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string key, int? baseVersion, HttpRequest request, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !(type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) ||
                type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType, WebMessages.DraftMediaType()));
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[DefinitionsApi.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > DefinitionsApi.MaxBytes)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status413PayloadTooLarge, WebMessages.DraftTooLarge(DefinitionsApi.MaxBytes)));
        }
        var xml = new string(buffer, 0, read);
        if (Check(xml, key) is { } problem)
        {
            return FieldProblems.One(problem.Field, problem.Message, WebMessages.DraftNotSaved());
        }
        if (baseVersion is < 1)
        {
            return FieldProblems.One("baseVersion", WebMessages.VersionFromOne(), WebMessages.DraftNotSaved());
        }
        var now = clock.GetUtcNow();
        var user = request.HttpContext.User.Identity?.Name ?? "";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            insert into engine.definition_drafts (key, xml, base_version, saved_by, saved_at) values (@key, @xml, @baseVersion, @user, @now)
            on conflict (key) do update set xml = excluded.xml, base_version = excluded.base_version, saved_by = excluded.saved_by,
                saved_at = excluded.saved_at
            """, new { key, xml, baseVersion, user, now });
        return TypedResults.Ok(new DraftSummary(key, baseVersion, user, now));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string key, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("delete from engine.definition_drafts where key = @key", new { key });
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>
    /// A draft may be unfinished (a task without a form, a gateway without conditions), but it must be a BPMN file
    /// whose process is the key it is saved under, or the designer could not open it again.
    /// </summary>
    private static (string Field, ServerMessage Message)? Check(string xml, string key)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = DefinitionsApi.MaxBytes,
            });
            reader.MoveToContent();
            if (reader.LocalName != "definitions" || reader.NamespaceURI != BpmnModel)
            {
                return ("xml", WebMessages.DraftNotBpmn(reader.Name, BpmnModel));
            }
            var processes = new List<string>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "process" && reader.NamespaceURI == BpmnModel)
                {
                    processes.Add(reader.GetAttribute("id") ?? "");
                }
            }
            return processes.Contains(key, StringComparer.Ordinal)
                ? null
                : ("key", WebMessages.DraftNoProcess(key, processes));
        }
        catch (XmlException e)
        {
            return ("xml", WebMessages.DraftNotWellFormed(e.Message));
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record Row(string Key, string? Xml, int? BaseVersion, string SavedBy, DateTime SavedAt);
}
