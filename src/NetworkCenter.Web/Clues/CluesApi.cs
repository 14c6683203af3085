using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Clues.Attachments;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;
using NetworkCenter.Web.Localization;
using Npgsql;

namespace NetworkCenter.Web.Clues;

/// <summary>The register for staff: registration by the clue administrator, reading and search by every staff role.</summary>
public static class CluesApi
{
    public sealed record RegisteredResponse(long Id, string RegisterNumber);

    public static RouteGroupBuilder MapCluesApi(this IEndpointRouteBuilder routes)
    {
        // Every endpoint names exactly one policy (the access matrix tests check it against the table).
        var api = routes.MapGroup("/api/clues").WithTags("Clues");
        api.MapPost("", RegisterAsync).RequireAuthorization(AccessPolicies.ClueAdministrator)
            .Accepts<ClueInput>("application/json", "multipart/form-data").DisableAntiforgery();
        api.MapGet("", SearchAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapPatch("/{id:long}", ClueCorrectionApi.CorrectAsync).RequireAuthorization(AccessPolicies.ClueEditor)
            .Accepts<Dictionary<string, object?>>("application/json", "application/merge-patch+json");
        // The clue's page: its procedures, open tasks with due dates, contact card and national case number.
        api.MapGet("/{id:long}/procedures", async Task<Results<Ok<ClueProcedures.View>, NotFound>> (
            long id, ClueProcedures procedures, CancellationToken cancellationToken) =>
            await procedures.HandleAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}/attachments/{attachmentId:long}", DownloadAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}/duplicates", async Task<Results<Ok<IReadOnlyList<FindDuplicates.Candidate>>, NotFound>> (
            long id, DuplicatesOf duplicates, CancellationToken cancellationToken) =>
            await duplicates.HandleAsync(id, cancellationToken) is { } candidates ? TypedResults.Ok(candidates) : TypedResults.NotFound())
            .RequireAuthorization(AccessPolicies.Staff);
        api.MapPost("/{id:long}/confirm", ConfirmAsync).RequireAuthorization(AccessPolicies.ClueAdministrator);
        api.MapPost("/{id:long}/merge-into/{targetId:long}", MergeAsync).RequireAuthorization(AccessPolicies.ClueAdministrator);
        return api;
    }

    internal static async Task<ClueViewer> ViewerAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await ClueViewer.ForAsync(dataSource, user.Current(), cancellationToken);

    private static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HttpRequest request, ClaimsPrincipal user, ClueRequestReader reader, RegisterClue register, StartClueIntake intake, CancellationToken cancellationToken)
    {
        await using var input = await reader.ReadAsync(request, cancellationToken);
        return await RegisterFromAsync(input, user, register, intake, "/api/clues", cancellationToken);
    }

    /// <summary>Shared with the liaison portal, which fixes the source before calling it.</summary>
    internal static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ProblemHttpResult>> RegisterFromAsync(
        ClueRequestReader.Result input, ClaimsPrincipal user, RegisterClue register, StartClueIntake intake, string location,
        CancellationToken cancellationToken)
    {
        if (input.UnsupportedMediaType)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType, UploadMessages.MediaType()));
        }
        if (input.TooLarge)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status413PayloadTooLarge,
                UploadMessages.RequestTooLarge((int)(ClueRequestReader.MaxRequestBytes / (1024 * 1024)), ClueRequestReader.MaxFiles)));
        }
        if (input.Errors.Count > 0 || input.Clue is null)
        {
            return input.Errors.ToValidationProblem();
        }
        var outcome = await register.HandleAsync(input.Clue, input.Files, user.Current().Username, cancellationToken);
        if (outcome is RegisterOutcome.Registered registered)
        {
            await intake.StartAsync(registered.Id, registered.RegisterNumber, user.Current().Username, cancellationToken);
        }
        return outcome switch
        {
            RegisterOutcome.Registered r => TypedResults.Created($"{location}/{r.Id}", new RegisteredResponse(r.Id, r.RegisterNumber)),
            RegisterOutcome.Invalid invalid => invalid.Errors.ToValidationProblem(),
            RegisterOutcome.DuplicatesFound duplicates => TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, WebMessages.Duplicates(),
                extensions: new Dictionary<string, object?> { ["candidates"] = duplicates.Candidates })),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }

    private static async Task<Results<Ok<GetClue.Detail>, NotFound>> GetAsync(
        long id, ClaimsPrincipal user, NpgsqlDataSource dataSource, GetClue get, HttpResponse response, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(user, dataSource, cancellationToken);
        if (await get.HandleAsync(id, viewer, cancellationToken) is not { } clue)
        {
            return TypedResults.NotFound();
        }
        response.Headers.ETag = ClueCorrectionApi.ETagOf(clue.Revision);
        return TypedResults.Ok(clue);
    }

    private static async Task<Results<Ok<SearchClues.Page>, ValidationProblem>> SearchAsync(
        [AsParameters] SearchClues.Query query, ClaimsPrincipal user, NpgsqlDataSource dataSource, SearchClues search, CancellationToken cancellationToken)
    {
        var (page, errors) = await search.HandleAsync(query, await ViewerAsync(user, dataSource, cancellationToken), cancellationToken);
        return page is null ? errors.ToValidationProblem() : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<RegisteredResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        long id, ConfirmDraft.Request? request, ClaimsPrincipal user, ConfirmDraft confirm, StartClueIntake intake, CancellationToken cancellationToken)
    {
        var outcome = await confirm.HandleAsync(id, request ?? new(null, null), user.Current().Username, cancellationToken);
        if (outcome is ConfirmOutcome.Confirmed confirmed)
        {
            await intake.StartAsync(confirmed.Id, confirmed.RegisterNumber, user.Current().Username, cancellationToken);
        }
        return outcome switch
        {
            ConfirmOutcome.Confirmed c => TypedResults.Ok(new RegisteredResponse(c.Id, c.RegisterNumber)),
            ConfirmOutcome.NotFound => TypedResults.NotFound(),
            ConfirmOutcome.Invalid invalid => invalid.Errors.ToValidationProblem(),
            ConfirmOutcome.NotADraft notDraft => TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, WebMessages.NotADraft(notDraft.Status))),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }

    private static async Task<Results<Ok<MergeOutcome.Merged>, NotFound, ProblemHttpResult>> MergeAsync(
        long id, long targetId, ClaimsPrincipal user, MergeDuplicates merge, CancellationToken cancellationToken)
    {
        var outcome = await merge.HandleAsync(id, targetId, user.Current().Username, cancellationToken);
        return outcome switch
        {
            MergeOutcome.Merged merged => TypedResults.Ok(merged),
            MergeOutcome.NotFound => TypedResults.NotFound(),
            MergeOutcome.Refused refused => TypedResults.Problem(GeneralProblems.Problem(
                id == targetId ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict, refused.Reason)),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }

    private static async Task<IResult> DownloadAsync(long id, long attachmentId, ReadAttachment read, CancellationToken cancellationToken) =>
        await read.HandleAsync(id, attachmentId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();
}
