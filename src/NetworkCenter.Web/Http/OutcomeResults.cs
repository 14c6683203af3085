using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Accounts;
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
                new HttpValidationProblemDetails(conflict.Errors.ToDictionary())
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflicts with what is stored.",
                }),
            Outcome<T>.Rejected rejected => TypedResults.ValidationProblem(rejected.Errors.ToDictionary()),
            _ => TypedResults.NotFound(),
        };

    /// <summary>The signed-in user; the endpoint's policy has already required a session.</summary>
    public static CurrentUser Current(this ClaimsPrincipal principal) =>
        CurrentUser.From(principal) ?? throw new InvalidOperationException("The endpoint requires a signed-in user.");
}
