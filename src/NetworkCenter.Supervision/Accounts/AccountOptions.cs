namespace NetworkCenter.Supervision.Accounts;

/// <summary>Settings under <c>Accounts</c>: the password policy and the lockout after failed sign-ins.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password accepted when one is set or changed.</summary>
    public int MinPasswordLength { get; set; } = 8;
}
