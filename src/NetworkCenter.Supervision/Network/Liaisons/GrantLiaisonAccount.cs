using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>The clue administrator gives a liaison registered without one an account, so they can sign in.</summary>
internal sealed class GrantLiaisonAccount(NpgsqlDataSource database, Passwords passwords, TimeProvider clock)
{
    public async Task<Outcome<Liaison>> RunAsync(CurrentUser actor, long id, NewAccount.Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var account = NewAccount.Check(errors, "", request, passwords);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var liaison = await FindLiaisons.GetAsync(connection, transaction, id);
        if (liaison is null)
        {
            return Outcome<Liaison>.NotFound;
        }
        if (liaison.AccountId is not null)
        {
            errors.Conflict("username", FieldMessages.LiaisonHasAccount(liaison.Username ?? ""));
        }
        if (!liaison.Active)
        {
            errors.Add("id", FieldMessages.LiaisonDeactivated());
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        var accountId = await NewAccount.InsertAsync(connection, transaction, account!, passwords.Hash(account!.Password), liaison.Name,
            liaison.Email, liaison.Phone, liaison.Language, [Roles.Liaison], now);
        if (accountId is null)
        {
            return errors.Conflict("username", FieldMessages.UsernameTaken(account.Username));
        }
        await connection.ExecuteAsync(
            "update supervision.liaisons set account_id = @accountId, updated_at = @now where id = @id", new { id, accountId, now }, transaction);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "liaison.account-granted", LiaisonDetails.Subject(id),
            new { accountId, account.Username });
        await transaction.CommitAsync(cancellationToken);
        return (await FindLiaisons.GetAsync(connection, null, id))!;
    }
}
