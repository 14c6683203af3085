using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Network.Liaisons;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;

namespace NetworkCenter.Web.Network;

/// <summary>
/// Liaisons: staff read, the clue administrator (or a system administrator) writes. A liaison reads only their own
/// record, here or at <c>/api/me/liaison</c>; anyone else's answers 404, as if it did not exist.
/// </summary>
internal static class LiaisonsApi
{
    public static void MapLiaisonsApi(this RouteGroupBuilder network)
    {
        var api = network.MapGroup("/liaisons").WithTags("Liaisons");
        api.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(AccessPolicies.StaffOrOwnLiaison);
        api.MapPost("/", RegisterAsync).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPut("/{id:long}", ChangeAsync).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPost("/{id:long}/account", GrantAccountAsync).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPost("/{id:long}/deactivate", (long id, ClaimsPrincipal principal, ChangeLiaison change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: false, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPost("/{id:long}/reactivate", (long id, ClaimsPrincipal principal, ChangeLiaison change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: true, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.NetworkWriter);
    }

    /// <summary>A signed-in liaison's own record: read it, and keep contact details, language and ties current.</summary>
    public static void MapMyLiaisonApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/me/liaison").WithTags("Liaisons").RequireAuthorization(AccessPolicies.Liaison);
        api.MapGet("/", async Task<Results<Ok<Liaison>, NotFound>> (ClaimsPrincipal principal, ChangeOwnProfile profile, CancellationToken cancellationToken) =>
            await profile.GetAsync(principal.Current(), cancellationToken) is { } liaison ? TypedResults.Ok(liaison) : TypedResults.NotFound());
        api.MapPut("/", ChangeOwnAsync);
    }

    private static async Task<Results<Ok<Paged<Liaison>>, ValidationProblem, ProblemHttpResult, NotFound>> ListAsync(
        [AsParameters] FindLiaisons.Query query, FindLiaisons find, CancellationToken cancellationToken) =>
        (await find.ListAsync(query, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Liaison>, NotFound>> GetAsync(
        long id, ClaimsPrincipal principal, FindLiaisons find, CancellationToken cancellationToken)
    {
        var user = principal.Current();
        if (!user.IsStaff && user.LiaisonId != id)
        {
            return TypedResults.NotFound();
        }
        return await find.GetAsync(id, cancellationToken) is { } liaison ? TypedResults.Ok(liaison) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<Liaison>, ValidationProblem, ProblemHttpResult, NotFound>> RegisterAsync(
        RegisterLiaison.Request request, ClaimsPrincipal principal, RegisterLiaison register, CancellationToken cancellationToken) =>
        (await register.RunAsync(principal.Current(), request, cancellationToken))
            .ToResults(liaison => TypedResults.Created($"/api/network/liaisons/{liaison.Id}", liaison));

    private static async Task<Results<Ok<Liaison>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(
        long id, ChangeLiaison.Request request, ClaimsPrincipal principal, ChangeLiaison change, CancellationToken cancellationToken) =>
        (await change.RunAsync(principal.Current(), id, request, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Liaison>, ValidationProblem, ProblemHttpResult, NotFound>> GrantAccountAsync(
        long id, NewAccount.Request request, ClaimsPrincipal principal, GrantLiaisonAccount grant, CancellationToken cancellationToken) =>
        (await grant.RunAsync(principal.Current(), id, request, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Liaison>, ValidationProblem, ProblemHttpResult, NotFound>> SetActiveAsync(
        long id, bool active, ClaimsPrincipal principal, ChangeLiaison change, CancellationToken cancellationToken) =>
        (await change.SetActiveAsync(principal.Current(), id, active, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Liaison>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeOwnAsync(
        ChangeOwnProfile.Request request, ClaimsPrincipal principal, ChangeOwnProfile profile, HttpContext http, CancellationToken cancellationToken)
    {
        var user = principal.Current();
        var outcome = await profile.RunAsync(user, request, cancellationToken);
        if (outcome is Supervision.Validation.Outcome<Liaison>.Success { Value: var liaison } && liaison.Language != user.Language)
        {
            // The session's language claim follows the new choice at once.
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                (user with { Language = liaison.Language }).ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        }
        return outcome.ToResults(TypedResults.Ok);
    }
}
