using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Web.Http;

namespace NetworkCenter.Web.Auth;

/// <summary>A system administrator's hand on any account, staff or liaison: reset the password, lift a lock.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(AccessPolicies.SystemAdministrator);
        api.MapPost("/{id:long}/password", ResetPasswordAsync);
        api.MapPost("/{id:long}/unlock", UnlockAsync);
        return api;
    }

    private static async Task<Results<Ok<ManageAccount.Done>, ValidationProblem, ProblemHttpResult, NotFound>> ResetPasswordAsync(
        long id, ManageAccount.ResetRequest request, ClaimsPrincipal principal, ManageAccount accounts, CancellationToken cancellationToken) =>
        (await accounts.ResetPasswordAsync(principal.Current(), id, request, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<ManageAccount.Done>, ValidationProblem, ProblemHttpResult, NotFound>> UnlockAsync(
        long id, ClaimsPrincipal principal, ManageAccount accounts, CancellationToken cancellationToken) =>
        (await accounts.UnlockAsync(principal.Current(), id, cancellationToken)).ToResults(TypedResults.Ok);
}
