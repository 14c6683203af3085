using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Web.Http;
using Npgsql;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Clues;

/// <summary>
/// <c>PATCH /api/clues/{id}</c>: the fields given change, the others stay. <c>If-Match</c> with the ETag of the clue as
/// read (its revision) refuses the correction with 409 when the clue has changed since.
/// </summary>
internal static class ClueCorrectionApi
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static string ETagOf(int revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    public static async Task<Results<Ok<GetClue.Detail>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        long id, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CorrectClue correct, GetClue get,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType() && request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status415UnsupportedMediaType, WebMessages.CorrectionMediaType()));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status413PayloadTooLarge, WebMessages.CorrectionTooLarge(MaxBodyBytes / 1024)));
        }
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException e)
        {
            return FieldProblems.One("clue", WebMessages.CorrectionNotJson(e.Message));
        }
        if (body is null)
        {
            return FieldProblems.One("clue", WebMessages.CorrectionNotObject());
        }
        int? ifRevision = null;
        if (request.Headers.IfMatch.ToString() is { Length: > 0 } tag && tag != "*")
        {
            if (!int.TryParse(tag.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                return FieldProblems.One("If-Match", WebMessages.NotAnETag(tag));
            }
            ifRevision = revision;
        }
        var (correction, errors) = ClueCorrection.Read(body, json.Value.SerializerOptions);
        if (errors.Count > 0)
        {
            return errors.ToValidationProblem();
        }
        var outcome = await correct.HandleAsync(id, correction, ifRevision, user.Current(), cancellationToken);
        switch (outcome)
        {
            case CorrectionOutcome.NotFound:
                return TypedResults.NotFound();
            case CorrectionOutcome.Invalid invalid:
                return invalid.Errors.ToValidationProblem();
            case CorrectionOutcome.Stale stale:
                return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, WebMessages.StaleRevision(stale.Revision, ifRevision)));
            case CorrectionOutcome.Refused refused:
                return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, refused.Reason));
            case CorrectionOutcome.DuplicatesFound duplicates:
                // The shape of a registration's answer, so the clue page shows the candidates as the register page does.
                return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status409Conflict, WebMessages.CorrectionDuplicates(),
                    extensions: new Dictionary<string, object?> { ["candidates"] = duplicates.Candidates }));
        }
        var clue = await get.HandleAsync(id, await CluesApi.ViewerAsync(user, dataSource, cancellationToken), cancellationToken);
        request.HttpContext.Response.Headers.ETag = ETagOf(clue!.Revision);
        return TypedResults.Ok(clue);
    }
}
