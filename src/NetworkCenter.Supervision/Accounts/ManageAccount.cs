using Dapper;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>A system administrator resets someone's password or lifts a lock before its period is over.</summary>
internal sealed class ManageAccount(NpgsqlDataSource database, Passwords passwords, TimeProvider clock)
{
    public sealed record ResetRequest(string? NewPassword);

    public sealed record Done(long AccountId, DateTimeOffset At);

    private sealed record LockRow(long Id, DateTime? LockedUntil);

    public async Task<Outcome<Done>> ResetPasswordAsync(CurrentUser actor, long accountId, ResetRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var password = passwords.Check(errors, "newPassword", request.NewPassword);
        if (errors.Any)
        {
            return errors;
        }
        // A reset also lifts a lock: the user could not otherwise use the new password.
        return await ChangeAsync(actor, accountId, "account.password-reset",
            "update supervision.accounts set password_hash = @hash, failed_sign_ins = 0, locked_until = null, updated_at = @now where id = @id",
            passwords.Hash(password!), cancellationToken);
    }

    public Task<Outcome<Done>> UnlockAsync(CurrentUser actor, long accountId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, accountId, "account.unlocked",
            "update supervision.accounts set failed_sign_ins = 0, locked_until = null, updated_at = @now where id = @id",
            hash: null, cancellationToken);

    private async Task<Outcome<Done>> ChangeAsync(
        CurrentUser actor, long accountId, string action, string sql, string? hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LockRow>(
            "select id, locked_until as LockedUntil from supervision.accounts where id = @accountId for update", new { accountId }, transaction);
        if (row is null)
        {
            return Outcome<Done>.NotFound;
        }
        var now = clock.UtcNow();
        await connection.ExecuteAsync(sql, new { id = accountId, hash, now }, transaction);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, action, SignIn.Subject(accountId),
            new { reason = "by administrator", wasLockedUntil = row.LockedUntil?.AsInstant() });
        await transaction.CommitAsync(cancellationToken);
        return new Done(accountId, now);
    }
}
