using NetworkCenter.Web.Auth;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Messages;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Workflows;

public static class MessagesApi
{
    public sealed record MessageRequest(string? Name, string? BusinessKey, Guid? InstanceId, JsonObject? Variables);

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/messages").WithTags("Messages").WithEngineErrors();
        api.MapPost("", CorrelateAsync).RequireAuthorization(AccessPolicies.Staff);
        return api;
    }

    private static async Task<Results<Ok<CorrelationResult>, ProblemHttpResult>> CorrelateAsync(
        MessageRequest request, MessageCorrelation messages, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status400BadRequest, WebMessages.Required("name")));
        }
        return TypedResults.Ok(await messages.CorrelateAsync(
            request.Name, request.BusinessKey, request.InstanceId, request.Variables, user.Identity?.Name, cancellationToken));
    }
}
