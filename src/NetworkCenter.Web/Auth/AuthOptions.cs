namespace NetworkCenter.Web.Auth;

/// <summary>Settings under <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The built-in administrator's password; the environment variable <c>NC_ADMIN_PASSWORD</c> wins. Outside
    /// Development there is no default, and without one the administrator cannot sign in.
    /// </summary>
    public string? AdminPassword { get; set; }
}
