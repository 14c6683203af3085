using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Web.Http;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record Me(long Id, string Username, IReadOnlyList<string> Roles, string Language, long? LiaisonId);

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync).AllowAnonymous();
        api.MapPost("/logout", (Delegate)LogoutAsync).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapGet("/me", (ClaimsPrincipal principal) => CurrentUser.From(principal) is { } user
                ? Results.Ok(new Me(user.AccountId, user.Username, user.Roles, user.Language, user.LiaisonId))
                : Results.Unauthorized())
            .Produces<Me>()
            .RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPost("/password", ChangePasswordAsync).RequireAuthorization(AccessPolicies.SignedIn);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, SignIn signIn, HttpContext http)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status400BadRequest, WebMessages.CredentialsRequired()));
        }
        switch (await signIn.RunAsync(request.Username, request.Password, http.RequestAborted))
        {
            case SignIn.Result.SignedIn signedIn:
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    signedIn.User.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
                return TypedResults.NoContent();
            case SignIn.Result.LockedOut lockedOut:
                return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status423Locked, WebMessages.LockedOut(),
                    extensions: new Dictionary<string, object?> { ["lockedUntil"] = lockedOut.Until }));
            default:
                return TypedResults.Problem(GeneralProblems.Problem(StatusCodes.Status401Unauthorized, WebMessages.BadCredentials()));
        }
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> ChangePasswordAsync(
        ChangePassword.Request request, ClaimsPrincipal principal, ChangePassword change, CancellationToken cancellationToken) =>
        (await change.RunAsync(principal.Current(), request, cancellationToken)).ToResults(_ => TypedResults.NoContent());
}
