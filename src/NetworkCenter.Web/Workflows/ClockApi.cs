using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Web.Auth;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Web.Workflows;

public static class ClockApi
{
    public sealed record ClockNow(DateTimeOffset Now);
    public sealed record AdvanceRequest(string? By);

    public static RouteGroupBuilder MapClockApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/clock").WithTags("Clock").WithEngineErrors();
        api.MapGet("", (TimeProvider clock) => TypedResults.Ok(new ClockNow(clock.GetUtcNow())));
        api.MapPost("/advance", AdvanceAsync).RequireAuthorization(AuthServiceCollectionExtensions.AdministratorPolicy);
        return api;
    }

    private static async Task<Results<Ok<ClockNow>, ProblemHttpResult>> AdvanceAsync(
        AdvanceRequest request, ClockAdvancer advancer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (clock is not ManualClock)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The clock is the system clock; it can be advanced only with Clock:Mode=Manual (refused in Production).");
        }
        if (string.IsNullOrWhiteSpace(request.By) || !IsoDuration.TryParse(request.By, out var duration))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "by must be an ISO 8601 duration such as P3D or PT2H.");
        }
        var now = clock.GetUtcNow();
        var by = duration.AddTo(now) - now;
        return TypedResults.Ok(new ClockNow(await advancer.AdvanceAsync(by, cancellationToken)));
    }
}
