using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkCenter.Web.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string? Username, string? Password);
    public sealed record Me(string Username, IReadOnlyList<string> Roles);

    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync).AllowAnonymous();
        api.MapPost("/logout", (Delegate)LogoutAsync);
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new Me(
            user.Identity!.Name!, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)])));
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, AdminAccount admin, HttpContext http)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem(statusCode: 400, title: "Username and password are both required.");
        }
        var principal = admin.SignIn(request.Username, request.Password);
        if (principal is null)
        {
            return TypedResults.Problem(statusCode: 401, title: "Unknown user or wrong password.");
        }
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
