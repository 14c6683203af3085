using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// The built-in administrator (<c>admin</c>), in every group. Its password comes from <c>NC_ADMIN_PASSWORD</c> or
/// <c>Auth:AdminPassword</c>, and defaults to <c>admin</c> only in Development.
/// </summary>
public sealed class AdminAccount(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    public const string UserName = "admin";

    private string? Password =>
        Environment.GetEnvironmentVariable("NC_ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : options.Value.AdminPassword is { Length: > 0 } configured ? configured
        : environment.IsDevelopment() ? "admin"
        : null;

    public ClaimsPrincipal? SignIn(string userName, string password)
    {
        var expected = Password;
        if (expected is null || userName != UserName ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(expected)))
        {
            return null;
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, UserName), new(ClaimTypes.Name, UserName) };
        claims.AddRange(Roles.Staff.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
