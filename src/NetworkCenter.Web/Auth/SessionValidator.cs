using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// Checks each session against the account: a deactivated account is signed out, and changed roles, language or
/// liaison record replace the cookie's claims. The account comes from <see cref="SessionCache"/>, which every process
/// invalidates on the database's notification of a change; a request of this process that may change accounts clears
/// it before its response starts, so the next request here sees the change even before the notification arrives.
/// </summary>
internal sealed class SessionValidator(SessionCache sessions)
{
    /// <summary>Where the requests that change accounts, staff, liaisons or one's own profile go.</summary>
    private static readonly string[] AccountChanging = ["/api/network", "/api/accounts", "/api/auth", "/api/me"];

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) &&
            AccountChanging.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            context.HttpContext.Response.OnStarting(() =>
            {
                sessions.Clear();
                return Task.CompletedTask;
            });
        }
        var user = context.Principal is { } principal ? CurrentUser.From(principal) : null;
        var stored = user is null ? null : await sessions.FindAsync(user, context.HttpContext.RequestAborted);
        if (stored is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (stored.Username != user!.Username || stored.Language != user.Language || stored.LiaisonId != user.LiaisonId ||
            !stored.Roles.Order().SequenceEqual(user.Roles.Order()))
        {
            context.ReplacePrincipal(stored.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
