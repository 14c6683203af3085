using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Tasks;

namespace NetworkCenter.Web.Workflows;

public static class TasksApi
{
    public sealed record CompleteRequest(JsonObject? Variables);

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tasks").WithTags("Tasks").WithEngineErrors();
        api.MapGet("", ListAsync);
        api.MapPost("/{id:guid}/claim", async (Guid id, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await tasks.ClaimAsync(id, user.ToActor(), ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:guid}/unclaim", async (Guid id, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await tasks.UnclaimAsync(id, user.ToActor(), ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{id:guid}/complete", async (Guid id, CompleteRequest? request, TaskCommands tasks, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await tasks.CompleteAsync(id, request?.Variables, user.ToActor(), ct);
            return TypedResults.NoContent();
        });
        return api;
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListAsync(
        Guid? instanceId, string? assignee, string? candidateGroup, int? limit, TaskCommands tasks, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tasks.ListAsync(instanceId, assignee, candidateGroup, Math.Clamp(limit ?? 50, 1, 500), cancellationToken));
}
