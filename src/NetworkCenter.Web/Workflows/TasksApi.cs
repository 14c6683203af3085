using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;

namespace NetworkCenter.Web.Workflows;

public static class TasksApi
{
    public sealed record CompleteRequest(JsonObject? Variables);

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tasks").WithTags("Tasks").WithEngineErrors();
        api.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPost("/{id:guid}/claim", async (Guid id, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await AsCallerAsync(user, id, () => tasks.ClaimAsync(id, user.ToActor(), ct));
            return TypedResults.NoContent();
        }).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPost("/{id:guid}/unclaim", async (Guid id, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await AsCallerAsync(user, id, () => tasks.UnclaimAsync(id, user.ToActor(), ct));
            return TypedResults.NoContent();
        }).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPost("/{id:guid}/complete", async (Guid id, CompleteRequest? request, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await AsCallerAsync(user, id, () => tasks.CompleteAsync(id, request?.Variables, user.ToActor(), ct));
            return TypedResults.NoContent();
        }).RequireAuthorization(AccessPolicies.SignedIn);
        return api;
    }

    /// <summary>
    /// A liaison sees only the tasks assigned to them, so a task they may not act on answers 404 as if it did not exist
    /// (as another liaison's clue does), rather than 403 confirming that it does and whose it is.
    /// </summary>
    private static async Task AsCallerAsync(ClaimsPrincipal user, Guid id, Func<Task> command)
    {
        try
        {
            await command();
        }
        catch (EngineException e) when (e.Error is EngineError.Forbidden or EngineError.Conflict && !user.Current().IsStaff)
        {
            throw EngineException.NotFound($"There is no task {id}.");
        }
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListAsync(
        Guid? instanceId, string? assignee, string? candidateGroup, int? limit, ClaimsPrincipal user, TaskCommands tasks, CancellationToken cancellationToken)
    {
        // A liaison sees only the tasks assigned to them (their argumentation opinions), never the staff's queues.
        if (!user.Current().IsStaff)
        {
            assignee = user.Identity?.Name ?? "";
            candidateGroup = null;
        }
        return TypedResults.Ok(await tasks.ListAsync(instanceId, assignee, candidateGroup, Math.Clamp(limit ?? 50, 1, 500), cancellationToken));
    }
}
