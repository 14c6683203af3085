using NetworkCenter.Web.Auth;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Instances;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Workflows;

public static class InstancesApi
{
    public sealed record StartRequest(string? DefinitionKey, string? BusinessKey, JsonObject? Variables);
    public sealed record Started(Guid Id);

    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/instances").WithTags("Instances").WithEngineErrors();
        api.MapPost("", StartAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(AccessPolicies.Staff);
        return api;
    }

    private static async Task<Results<Created<Started>, ProblemHttpResult>> StartAsync(
        StartRequest request, InstanceCommands instances, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status400BadRequest, WebMessages.Required("definitionKey")));
        }
        var id = await instances.StartAsync(request.DefinitionKey, request.BusinessKey, request.Variables, user.Identity?.Name, cancellationToken);
        return TypedResults.Created($"/api/instances/{id}", new Started(id));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(Guid id, InstanceCommands instances, CancellationToken cancellationToken) =>
        await instances.GetAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status404NotFound, WebMessages.NoInstance(id)));

    private static async Task<Results<Ok<IReadOnlyList<JournalEntry>>, ProblemHttpResult>> HistoryAsync(
        Guid id, InstanceCommands instances, CancellationToken cancellationToken) =>
        await instances.HistoryAsync(id, cancellationToken) is { } journal
            ? TypedResults.Ok(journal)
            : TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status404NotFound, WebMessages.NoInstance(id)));
}
