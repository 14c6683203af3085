namespace NetworkCenter.Web.Auth;

/// <summary>Settings under <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// The password the <c>admin</c> account is created with at start-up when it does not exist yet; the environment
    /// variable <c>NC_ADMIN_PASSWORD</c> wins. Outside Development there is no default, and without one the account is
    /// not created (a warning says so). Changing it later does not change an existing account's password.
    /// </summary>
    public string? AdminPassword { get; set; }
}
