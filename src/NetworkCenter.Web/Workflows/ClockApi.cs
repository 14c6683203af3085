using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Web.Auth;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Time;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Workflows;

public static class ClockApi
{
    public sealed record ClockNow(DateTimeOffset Now);
    public sealed record AdvanceRequest(string? By);

    public static RouteGroupBuilder MapClockApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/clock").WithTags("Clock").WithEngineErrors();
        api.MapGet("", (TimeProvider clock) => TypedResults.Ok(new ClockNow(clock.GetUtcNow()))).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPost("/advance", AdvanceAsync).RequireAuthorization(AccessPolicies.SystemAdministrator);
        return api;
    }

    private static async Task<Results<Ok<ClockNow>, ProblemHttpResult>> AdvanceAsync(
        AdvanceRequest request, ClockAdvancer advancer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (clock is not ManualClock)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, WebMessages.SystemClock()));
        }
        if (string.IsNullOrWhiteSpace(request.By) || !IsoDuration.TryParse(request.By, out var duration))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status400BadRequest, WebMessages.ClockBy()));
        }
        var now = clock.GetUtcNow();
        var by = duration.AddTo(now) - now;
        return TypedResults.Ok(new ClockNow(await advancer.AdvanceAsync(by, cancellationToken)));
    }
}
