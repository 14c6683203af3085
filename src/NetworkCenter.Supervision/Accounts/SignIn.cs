using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>
/// Checks a username and password. Failures in a row lock the account for a while; the lock, and the unlock when
/// the period is over, are journaled. An unknown user, a wrong password and a deactivated account look the same.
/// </summary>
internal sealed class SignIn(NpgsqlDataSource database, Passwords passwords, TimeProvider clock, IOptions<AccountOptions> options)
{
    public abstract record Result
    {
        private Result()
        {
        }

        public sealed record SignedIn(CurrentUser User) : Result;

        public sealed record Refused : Result;

        public sealed record LockedOut(DateTimeOffset Until) : Result;
    }

    private sealed record AccountRow
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Language { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public bool Active { get; init; }
        public int FailedSignIns { get; init; }
        public DateTime? LockedUntil { get; init; }
        public long? LiaisonId { get; init; }
    }

    public async Task<Result> RunAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row lock makes concurrent failures count one by one.
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            """
            select a.id, a.username, a.password_hash as PasswordHash, a.language, a.roles, a.active,
                   a.failed_sign_ins as FailedSignIns, a.locked_until as LockedUntil,
                   (select l.id from supervision.liaisons l where l.account_id = a.id and l.active) as LiaisonId
            from supervision.accounts a where lower(a.username) = lower(@username)
            for update of a
            """,
            new { username }, transaction);
        var now = clock.UtcNow();
        if (account is null || !account.Active)
        {
            passwords.Verify(null, password);
            return new Result.Refused();
        }

        var failures = account.FailedSignIns;
        if (account.LockedUntil is { } lockedUntil)
        {
            var until = lockedUntil.AsInstant();
            if (until > now)
            {
                // Only someone who knows the password learns that the account is locked: a wrong password on a locked
                // account answers like an unknown user, so the lock does not reveal which usernames exist.
                return passwords.Verify(account.PasswordHash, password) == PasswordVerificationResult.Failed
                    ? new Result.Refused()
                    : new Result.LockedOut(until);
            }
            failures = 0;
            await connection.ExecuteAsync(
                "update supervision.accounts set locked_until = null, failed_sign_ins = 0, updated_at = @now where id = @id",
                new { id = account.Id, now }, transaction);
            await AuditLog.AppendAsync(connection, transaction, now, Actor.System, "account.unlocked", Subject(account.Id),
                new { account.Username, reason = "lock period over", lockedUntil = until });
        }

        var verified = passwords.Verify(account.PasswordHash, password);
        Result result;
        if (verified == PasswordVerificationResult.Failed)
        {
            failures++;
            var lockOut = failures >= options.Value.MaxFailedSignIns;
            DateTimeOffset? until = lockOut ? now + options.Value.LockoutPeriod : null;
            await connection.ExecuteAsync(
                "update supervision.accounts set failed_sign_ins = @failures, locked_until = @until, updated_at = @now where id = @id",
                new { id = account.Id, failures = lockOut ? 0 : failures, until, now }, transaction);
            if (lockOut)
            {
                await AuditLog.AppendAsync(connection, transaction, now, new Actor(null, account.Username), "account.locked", Subject(account.Id),
                    new { account.Username, failedSignIns = failures, lockedUntil = until });
            }
            result = new Result.Refused();
        }
        else
        {
            var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(password) : null;
            await connection.ExecuteAsync(
                """
                update supervision.accounts
                set failed_sign_ins = 0, password_hash = coalesce(@rehash, password_hash), updated_at = @now
                where id = @id
                """,
                new { id = account.Id, rehash, now }, transaction);
            result = new Result.SignedIn(new CurrentUser(account.Id, account.Username, account.Roles, account.LiaisonId, account.Language));
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal static string Subject(long accountId) => $"account:{accountId}";
}
