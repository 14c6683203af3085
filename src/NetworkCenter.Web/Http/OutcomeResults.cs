using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Validation;

namespace NetworkCenter.Web.Http;

/// <summary>How the domain's answers become HTTP: rejected fields as RFC 9457 problem details naming each field.</summary>
internal static class OutcomeResults
{
    public static Results<TSuccess, ValidationProblem, ProblemHttpResult, NotFound> ToResults<T, TSuccess>(
        this Outcome<T> outcome, Func<T, TSuccess> success) where TSuccess : IResult =>
        outcome switch
        {
            Outcome<T>.Success done => success(done.Value),
            Outcome<T>.Rejected { Errors.IsConflict: true } conflict => TypedResults.Problem(
                WithCodes(new HttpValidationProblemDetails(conflict.Errors.ToDictionary()) { Status = StatusCodes.Status409Conflict }, conflict.Errors)),
            Outcome<T>.Rejected rejected => TypedResults.Problem(
                WithCodes(new HttpValidationProblemDetails(rejected.Errors.ToDictionary()) { Status = StatusCodes.Status400BadRequest }, rejected.Errors)),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Rejected fields as a validation problem, each message's code beside it (<c>codes</c>: {field: [codes]}).</summary>
    public static ValidationProblem ToValidationProblem(this FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), extensions: new Dictionary<string, object?> { ["codes"] = errors.MessageCodes() });

    /// <summary>A clue's problems as a validation problem, each message's code beside it.</summary>
    public static ValidationProblem ToValidationProblem(this ProblemList errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), extensions: new Dictionary<string, object?> { ["codes"] = errors.Codes() });

    /// <summary>The messages' codes beside them (<c>codes</c>: {field: [codes]}); the title and its code follow the status.</summary>
    private static HttpValidationProblemDetails WithCodes(HttpValidationProblemDetails problem, FieldErrors errors)
    {
        problem.Extensions["codes"] = errors.MessageCodes();
        return problem;
    }

    /// <summary>The signed-in user; the endpoint's policy has already required a session.</summary>
    public static CurrentUser Current(this ClaimsPrincipal principal) =>
        CurrentUser.From(principal) ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}
