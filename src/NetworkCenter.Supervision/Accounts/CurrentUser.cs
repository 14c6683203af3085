using System.Globalization;
using System.Security.Claims;
using NetworkCenter.Supervision.Audit;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>
/// The signed-in user as the domain sees them, read from the session's claims: handlers take it to decide what the
/// user may see and to journal who changed what.
/// </summary>
public sealed record CurrentUser(long AccountId, string Username, IReadOnlyList<string> Roles, long? LiaisonId, string Language)
{
    public const string LanguageClaim = "language";
    public const string LiaisonIdClaim = "liaison_id";

    public bool IsStaff => Roles.Any(Accounts.Roles.Staff.Contains);

    /// <summary>A liaison with a liaison record behind the account: the only way a liaison's data is reachable.</summary>
    public bool IsLiaison => LiaisonId is not null && HasRole(Accounts.Roles.Liaison);

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool HasAnyRole(params IEnumerable<string> roles) => roles.Any(HasRole);

    internal Actor Actor => new(AccountId, Username);

    /// <summary>The user behind a signed-in principal; null for an anonymous one or a session from before accounts.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true ||
            !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            return null;
        }
        long? liaisonId = long.TryParse(principal.FindFirstValue(LiaisonIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        return new CurrentUser(
            accountId,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            [.. principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value)],
            liaisonId,
            principal.FindFirstValue(LanguageClaim) ?? Languages.Default);
    }

    /// <summary>The claims a session carries for this user.</summary>
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, AccountId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, Username),
            new(LanguageClaim, Language),
        };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (LiaisonId is { } liaisonId)
        {
            claims.Add(new Claim(LiaisonIdClaim, liaisonId.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>The languages of the user interface and of mail to liaisons.</summary>
public static class Languages
{
    public const string Default = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Default, English];
}
