using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Web.Http;
using Npgsql;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// The journal of changes, for system administrators: who changed which record, and when; and whether the hash chains
/// of the journals still hold (<see cref="AuditVerification"/>).
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AccessPolicies.SystemAdministrator);
        api.MapGet("/", ListAsync);
        api.MapGet("/verify", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
            TypedResults.Ok(await AuditVerification.VerifyAsync(dataSource, cancellationToken)));
        return api;
    }

    private static async Task<Results<Ok<Paged<AuditEntry>>, ValidationProblem, ProblemHttpResult, NotFound>> ListAsync(
        [AsParameters] FindAuditEntries.Query query, FindAuditEntries find, CancellationToken cancellationToken) =>
        (await find.ListAsync(query, cancellationToken)).ToResults(TypedResults.Ok);
}
