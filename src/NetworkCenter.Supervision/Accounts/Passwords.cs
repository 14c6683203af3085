using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Validation;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>ASP.NET Core's password hasher (PBKDF2, versioned hashes) and the password policy.</summary>
internal sealed class Passwords(IOptions<AccountOptions> options)
{
    /// <summary>The hasher's user type; the hash does not depend on the user.</summary>
    internal sealed record PasswordOwner;

    private const int MaxLength = 128;
    private static readonly PasswordOwner Owner = new();
    private readonly PasswordHasher<PasswordOwner> _hasher = new();

    // A hash of nothing anyone knows: unknown users are checked against it so they take as long as known ones.
    private readonly Lazy<string> _decoy = new(() => new PasswordHasher<PasswordOwner>().HashPassword(Owner, Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(Owner, password);

    public PasswordVerificationResult Verify(string? hash, string password) =>
        _hasher.VerifyHashedPassword(Owner, hash ?? _decoy.Value, password);

    /// <summary>Checks a new password against the policy; the value is never trimmed.</summary>
    public string? Check(FieldErrors errors, string field, string? password)
    {
        var min = options.Value.MinPasswordLength;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, FieldMessages.Required());
            return null;
        }
        if (password.Length < min)
        {
            errors.Add(field, FieldMessages.TooShort(min));
        }
        if (password.Length > MaxLength)
        {
            errors.Add(field, FieldMessages.TooLong(MaxLength));
        }
        if (string.IsNullOrWhiteSpace(password))
        {
            errors.Add(field, FieldMessages.OnlySpaces());
        }
        return password;
    }
}
