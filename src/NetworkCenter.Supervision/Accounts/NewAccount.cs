using System.Text.RegularExpressions;
using Dapper;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>The sign-in half of a staff member or liaison: checked with the person, stored in their transaction.</summary>
internal static partial class NewAccount
{
    public sealed record Request(string? Username, string? Password);

    public sealed record Checked(string Username, string Password);

    public static Checked? Check(FieldErrors errors, string prefix, Request? request, Passwords passwords)
    {
        if (request is null)
        {
            errors.Add(prefix.TrimEnd('.'), FieldMessages.Required());
            return null;
        }
        var username = errors.Required(prefix + "username", request.Username, 64);
        if (username is not null && !UsernamePattern().IsMatch(username))
        {
            errors.Add(prefix + "username", FieldMessages.Username());
        }
        var password = passwords.Check(errors, prefix + "password", request.Password);
        return username is null || password is null ? null : new Checked(username, password);
    }

    /// <summary>Inserts the account; null when the username is taken (compared without case).</summary>
    public static Task<long?> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Checked account, string passwordHash, string displayName,
        string? email, string? phone, string language, IReadOnlyList<string> roles, DateTimeOffset now) =>
        connection.QuerySingleOrDefaultAsync<long?>(
            """
            insert into supervision.accounts (username, password_hash, display_name, email, phone, language, roles, created_at, updated_at)
            values (@username, @passwordHash, @displayName, @email, @phone, @language, @roles, @now, @now)
            on conflict (lower(username)) do nothing
            returning id
            """,
            new { username = account.Username, passwordHash, displayName, email, phone, language, roles = roles.ToArray(), now },
            transaction);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex UsernamePattern();
}
