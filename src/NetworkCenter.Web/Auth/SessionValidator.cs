using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// Checks each session against the account: a deactivated account is signed out, and changed roles, language or
/// liaison record replace the cookie's claims.
/// </summary>
internal sealed class SessionValidator(FindSession sessions)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal is { } principal ? CurrentUser.From(principal) : null;
        var stored = user is null ? null : await sessions.RefreshAsync(user, context.HttpContext.RequestAborted);
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
