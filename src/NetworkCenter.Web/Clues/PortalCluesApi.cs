using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Clues;

/// <summary>Liaisons submit clues as themselves and follow their own; another liaison's clue is 404.</summary>
public static class PortalCluesApi
{
    public static RouteGroupBuilder MapPortalCluesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/portal/clues").WithTags("Liaison portal").RequireAuthorization(AccessPolicies.Liaison);
        api.MapPost("", SubmitAsync).Accepts<ClueInput>("application/json", "multipart/form-data").DisableAntiforgery();
        api.MapGet("", async Task<Results<Ok<IReadOnlyList<LiaisonClues.Summary>>, NotFound>> (
            ClaimsPrincipal user, LiaisonClues clues, CancellationToken cancellationToken) =>
            user.Current().LiaisonId is { } me ? TypedResults.Ok(await clues.ListAsync(me, cancellationToken)) : TypedResults.NotFound());
        api.MapGet("/{id:long}", async Task<Results<Ok<LiaisonClues.Detail>, NotFound>> (
            long id, ClaimsPrincipal user, LiaisonClues clues, CancellationToken cancellationToken) =>
            user.Current().LiaisonId is { } me && await clues.GetAsync(me, id, cancellationToken) is { } clue
                ? TypedResults.Ok(clue) : TypedResults.NotFound());
        return api;
    }

    /// <summary>
    /// The source is the signed-in liaison and their office, whatever the body says. A likely duplicate is registered
    /// all the same: the liaison cannot see others' clues to merge with, and the clue administrator merges it later.
    /// </summary>
    private static async Task<Results<Created<CluesApi.RegisteredResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, ClueRequestReader reader, RegisterClue register, StartClueIntake intake,
        CancellationToken cancellationToken)
    {
        await using var input = await reader.ReadAsync(request, cancellationToken);
        if (user.Current().LiaisonId is not { } me)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status403Forbidden, WebMessages.NoLiaisonRecord()));
        }
        input.Clue = input.Clue is null ? null : input.Clue with
        {
            SourceKind = SourceKinds.Liaison, LiaisonId = me, OfficeId = null, SourceDetail = null, RegisterAnyway = true,
        };
        return await CluesApi.RegisterFromAsync(input, user, register, intake, "/api/portal/clues", cancellationToken);
    }
}
