using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>The clue administrator registers a liaison, optionally with an account so they can sign in.</summary>
internal sealed class RegisterLiaison(NpgsqlDataSource database, Passwords passwords, TimeProvider clock)
{
    public sealed record Request(
        string? Name, string? Unit, long? OfficeId, string? Phone, string? Email, string? Language, IReadOnlyList<string>? Expertise,
        IReadOnlyList<string>? Groups, IReadOnlyList<TieRequest?>? Ties, NewAccount.Request? Account);

    public async Task<Outcome<Liaison>> RunAsync(CurrentUser actor, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = LiaisonDetails.Check(errors, request.Name, request.Unit, request.OfficeId, request.Phone, request.Email,
            request.Language, request.Expertise, request.Groups);
        var ties = LiaisonDetails.CheckTies(errors, request.Ties);
        var account = request.Account is null ? null : NewAccount.Check(errors, "account.", request.Account, passwords);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LiaisonDetails.CheckOfficeAsync(errors, connection, transaction, details.OfficeId, currentOfficeId: null);
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        long? accountId = null;
        if (account is not null)
        {
            accountId = await NewAccount.InsertAsync(connection, transaction, account, passwords.Hash(account.Password), details.Name,
                details.Email, details.Phone, details.Language, [Roles.Liaison], now);
            if (accountId is null)
            {
                return errors.Conflict("account.username", FieldMessages.UsernameTaken(account.Username));
            }
        }
        var id = await connection.ExecuteScalarAsync<long>(
            """
            insert into supervision.liaisons (account_id, name, unit, office_id, phone, email, language, expertise, groups, created_at, updated_at)
            values (@accountId, @Name, @Unit, @OfficeId, @Phone, @Email, @Language, @Expertise, @Groups, @now, @now)
            returning id
            """,
            new { accountId, details.Name, details.Unit, details.OfficeId, details.Phone, details.Email, details.Language,
                details.Expertise, details.Groups, now },
            transaction);
        await LiaisonDetails.SyncTiesAsync(connection, transaction, id, ties, now);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "liaison.registered", LiaisonDetails.Subject(id),
            new { details, ties = ties.Select(t => new { t.Kind, t.Name }), accountId, username = account?.Username });
        await transaction.CommitAsync(cancellationToken);
        return (await FindLiaisons.GetAsync(connection, null, id))!;
    }
}
