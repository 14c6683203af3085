using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Network;
using NetworkCenter.Supervision.Network.Offices;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;

namespace NetworkCenter.Web.Network;

/// <summary>Liaison offices and reporting points: staff read, the clue administrator (or a system administrator) writes.</summary>
internal static class OfficesApi
{
    public sealed record VocabularyResponse(
        IReadOnlyList<string> OfficeKinds, IReadOnlyList<string> HostUnitKinds, IReadOnlyList<string> LiaisonGroups, IReadOnlyList<string> TieKinds);

    public static void MapOfficesApi(this RouteGroupBuilder network)
    {
        network.MapGet("/vocabulary", () => TypedResults.Ok(new VocabularyResponse(
                Vocabulary.OfficeKinds, Vocabulary.HostUnitKinds, Vocabulary.LiaisonGroups, Vocabulary.TieKinds)))
            .WithTags("Offices").RequireAuthorization(AccessPolicies.Staff);
        var api = network.MapGroup("/offices").WithTags("Offices");
        api.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapPost("/", RegisterAsync).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPut("/{id:long}", ChangeAsync).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPost("/{id:long}/deactivate", (long id, ClaimsPrincipal principal, ChangeOffice change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: false, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.NetworkWriter);
        api.MapPost("/{id:long}/reactivate", (long id, ClaimsPrincipal principal, ChangeOffice change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: true, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.NetworkWriter);
    }

    private static async Task<Results<Ok<Paged<Office>>, ValidationProblem, ProblemHttpResult, NotFound>> ListAsync(
        [AsParameters] FindOffices.Query query, FindOffices find, CancellationToken cancellationToken) =>
        (await find.ListAsync(query, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Office>, NotFound>> GetAsync(long id, FindOffices find, CancellationToken cancellationToken) =>
        await find.GetAsync(id, cancellationToken) is { } office ? TypedResults.Ok(office) : TypedResults.NotFound();

    private static async Task<Results<Created<Office>, ValidationProblem, ProblemHttpResult, NotFound>> RegisterAsync(
        RegisterOffice.Request request, ClaimsPrincipal principal, RegisterOffice register, CancellationToken cancellationToken) =>
        (await register.RunAsync(principal.Current(), request, cancellationToken))
            .ToResults(office => TypedResults.Created($"/api/network/offices/{office.Id}", office));

    private static async Task<Results<Ok<Office>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(
        long id, ChangeOffice.Request request, ClaimsPrincipal principal, ChangeOffice change, CancellationToken cancellationToken) =>
        (await change.RunAsync(principal.Current(), id, request, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<Office>, ValidationProblem, ProblemHttpResult, NotFound>> SetActiveAsync(
        long id, bool active, ClaimsPrincipal principal, ChangeOffice change, CancellationToken cancellationToken) =>
        (await change.SetActiveAsync(principal.Current(), id, active, cancellationToken)).ToResults(TypedResults.Ok);
}
