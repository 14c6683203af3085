using Dapper;
using Microsoft.AspNetCore.Identity;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>A user changes their own password, proving the current one.</summary>
internal sealed class ChangePassword(NpgsqlDataSource database, Passwords passwords, TimeProvider clock)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public sealed record Changed(DateTimeOffset At);

    public async Task<Outcome<Changed>> RunAsync(CurrentUser user, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors.Add("currentPassword", FieldMessages.Required());
        }
        var password = passwords.Check(errors, "newPassword", request.NewPassword);
        if (password is not null && password == request.CurrentPassword)
        {
            errors.Add("newPassword", FieldMessages.SamePassword());
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var hash = await connection.QuerySingleOrDefaultAsync<string>(
            "select password_hash from supervision.accounts where id = @id and active for update", new { id = user.AccountId }, transaction);
        if (hash is null)
        {
            return Outcome<Changed>.NotFound;
        }
        if (!string.IsNullOrEmpty(request.CurrentPassword) && passwords.Verify(hash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors.Add("currentPassword", FieldMessages.WrongPassword());
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        await connection.ExecuteAsync(
            "update supervision.accounts set password_hash = @hash, updated_at = @now where id = @id",
            new { id = user.AccountId, hash = passwords.Hash(password!), now }, transaction);
        await AuditLog.AppendAsync(connection, transaction, now, user.Actor, "account.password-changed", SignIn.Subject(user.AccountId));
        await transaction.CommitAsync(cancellationToken);
        return new Changed(now);
    }
}
