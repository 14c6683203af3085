using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Localization;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NetworkCenter.Workflows.Deployment;
using NetworkCenter.Workflows.Model.Parsing;
using Npgsql;

namespace NetworkCenter.Web.Workflows;

public static class DefinitionsApi
{
    /// <summary>Largest BPMN file accepted.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Deployed(Guid Id, string Key, int Version);
    public sealed record DefinitionSummary(Guid Id, string Key, int Version, string? Name, DateTimeOffset DeployedAt, string? DeployedBy);
    /// <summary>One reason a BPMN file was refused: the element, the message in the request's language, and its code.</summary>
    public sealed record DefinitionError(string? ElementId, string Message, string Code);

    public static RouteGroupBuilder MapDefinitionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/definitions").WithTags("Definitions").WithEngineErrors();
        api.MapPost("", DeployAsync).RequireAuthorization(AccessPolicies.Deployer)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes));
        api.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{key}/xml", XmlAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapDefinitionDraftsApi();
        api.MapPostersApi();
        return api;
    }

    private static async Task<Results<Created<Deployed>, Ok<Deployed>, ProblemHttpResult>> DeployAsync(
        HttpRequest request, Deployer deployer, CancellationToken cancellationToken)
    {
        // Checked here rather than as routing metadata, so that a caller without the role hears 403 first.
        if (request.ContentType is not { } type || !(type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) ||
                type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType, WebMessages.BpmnMediaType()));
        }
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        try
        {
            while ((count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, count);
                if (buffer.Length > MaxBytes)
                {
                    return TooLarge();
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own request size limit (the metadata above) may stop the body before the loop does.
            return TooLarge();
        }
        var (xml, notText) = BpmnText.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (xml is null)
        {
            // Bytes that are not text in their encoding are another type, named with where they stop being text.
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType,
                notText!.Contains("utf-8", StringComparison.Ordinal) ? WebMessages.BpmnNotUtf8(type) : WebMessages.BpmnNotText(type, notText),
                detail: notText));
        }
        // An empty body is a malformed BPMN file (400 from the deployer); bytes that are not markup are another type (415).
        var start = xml.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if ((start.Length > 0 && start[0] != '<') || xml.Contains('\0', StringComparison.Ordinal))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType, WebMessages.BpmnNotXml(type)));
        }
        try
        {
            var deployed = await deployer.DeployAsync(xml, request.HttpContext.User.Identity?.Name, cancellationToken);
            var first = deployed[0];
            var body = new Deployed(first.Id, first.Key, first.Version);
            return deployed.Any(d => d.Created)
                ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(first.Key)}/xml?version={first.Version}", body)
                : TypedResults.Ok(body);
        }
        catch (DefinitionRejectedException e)
        {
            return Rejected([.. e.Problems.Select(p => new DefinitionError(p.ElementId, p.Message, p.Code))]);
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status413PayloadTooLarge, WebMessages.BpmnTooLarge(MaxBytes)));

    private static ProblemHttpResult Rejected(List<DefinitionError> errors) =>
        TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status400BadRequest, WebMessages.BpmnRejected(),
            extensions: new Dictionary<string, object?> { ["errors"] = errors }));

    private static async Task<Ok<List<DefinitionSummary>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DefinitionRow>(
            """
            select distinct on (key) id, key, version, name, deployed_at as deployedat, deployed_by as deployedby
            from engine.definitions order by key, version desc
            """);
        return TypedResults.Ok(rows.Select(r => new DefinitionSummary(r.Id, r.Key, r.Version, r.Name,
            new DateTimeOffset(r.DeployedAt, TimeSpan.Zero), r.DeployedBy)).ToList());
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> XmlAsync(
        string key, int? version, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var xml = await connection.QuerySingleOrDefaultAsync<string>(
            "select xml from engine.definitions where key = @key and (@version::int is null or version = @version) order by version desc limit 1",
            new { key, version });
        return xml is null
            ? TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status404NotFound, WebMessages.NoDefinition(key, version)))
            : TypedResults.Text(xml, "application/xml", Encoding.UTF8);
    }

    private sealed record DefinitionRow(Guid Id, string Key, int Version, string? Name, DateTime DeployedAt, string? DeployedBy);
}
