using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Apis;

/// <summary><c>GET /api/mail/outbox</c>: the outbox's backlog, for the people who answer for notices going out.</summary>
public static class MailOutboxApi
{
    private const int MaxItems = 200;

    public static RouteGroupBuilder MapMailOutboxApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/mail/outbox").WithTags("Mail");
        api.MapGet("", GetAsync).RequireAuthorization(AccessPolicies.MailOutboxReader);
        return api;
    }

    private static async Task<Results<Ok<MailBacklog.Summary>, ValidationProblem>> GetAsync(
        MailBacklog backlog, CancellationToken cancellationToken, int limit = 50)
    {
        if (limit is < 0 or > MaxItems)
        {
            return FieldProblems.One("limit", WebMessages.Between(0, MaxItems));
        }
        return TypedResults.Ok(await backlog.GetAsync(limit, cancellationToken));
    }
}
