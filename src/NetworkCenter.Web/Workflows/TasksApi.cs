using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Workflows;

public static class TasksApi
{
    public sealed record CompleteRequest(JsonObject? Variables);

    /// <summary>The open tasks a completion created in its instance, as <c>GET /api/tasks</c> lists them.</summary>
    public sealed record CompleteResponse(IReadOnlyList<TaskView> Tasks);

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
        api.MapPost("/{id:guid}/complete", CompleteAsync).RequireAuthorization(AccessPolicies.SignedIn);
        return api;
    }

    /// <summary>
    /// 204, or with <c>Prefer: return=representation</c> (RFC 7240) 200 with the tasks the completion opened in the
    /// instance, so a client goes on to the next task without a list query. A liaison gets only those assigned to them.
    /// </summary>
    private static async Task<Results<NoContent, Ok<CompleteResponse>>> CompleteAsync(
        Guid id, CompleteRequest? request, TaskCommands tasks, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        IReadOnlyList<TaskView> opened = [];
        await AsCallerAsync(user, id, async () => opened = await tasks.CompleteAsync(id, request?.Variables, user.ToActor(), ct));
        if (!http.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("return=representation", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.NoContent();
        }
        if (!user.Current().IsStaff)
        {
            var name = user.Identity?.Name;
            opened = [.. opened.Where(t => t.Assignee is not null && t.Assignee == name)];
        }
        http.Response.Headers["Preference-Applied"] = "return=representation";
        return TypedResults.Ok(new CompleteResponse(opened));
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
            throw EngineException.NotFound(EngineMessages.NoTask(id));
        }
    }

    /// <summary>The most tasks one page holds, and the furthest a page may start.</summary>
    public const int MaxLimit = 500;
    public const int MaxOffset = 1_000_000;

    /// <summary>
    /// One page of open tasks as a JSON array (the REST contract), with the number the filters match in the
    /// <c>X-Total-Count</c> header: an inbox of more than <see cref="MaxLimit"/> asks again from <c>offset</c>.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<TaskView>>, ValidationProblem>> ListAsync(
        Guid? instanceId, string? assignee, string? candidateGroup, int? limit, int? offset, ClaimsPrincipal user, HttpResponse response,
        TaskCommands tasks, CancellationToken cancellationToken)
    {
        if (offset is < 0 or > MaxOffset)
        {
            return FieldProblems.One("offset", WebMessages.Range(0, MaxOffset));
        }
        // A liaison sees only the tasks assigned to them (their argumentation opinions), never the staff's queues.
        if (!user.Current().IsStaff)
        {
            assignee = user.Identity?.Name ?? "";
            candidateGroup = null;
        }
        var size = Math.Clamp(limit ?? 50, 1, MaxLimit);
        var skip = offset ?? 0;
        var page = await tasks.ListAsync(instanceId, assignee, candidateGroup, size, cancellationToken, skip);
        // A page that is not full, and not past the end, already says how many there are: no count query needed.
        var total = page.Count < size && (page.Count > 0 || skip == 0)
            ? skip + page.Count
            : await tasks.CountAsync(instanceId, assignee, candidateGroup, cancellationToken);
        response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page);
    }
}
