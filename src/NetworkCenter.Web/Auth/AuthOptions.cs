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

    /// <summary>How long after losing its connection the account-change listener tries again (sessions are read from the database meanwhile).</summary>
    public TimeSpan SessionListenerRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the account-change listener waits for a notification before it pings its connection.</summary>
    public TimeSpan SessionListenerPingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
