using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>A signed-in liaison reads their own record and keeps their contact details, language and declared ties current.</summary>
internal sealed class ChangeOwnProfile(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Request(string? Phone, string? Email, string? Language, IReadOnlyList<TieRequest?>? Ties);

    public async Task<Liaison?> GetAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        if (!user.IsLiaison)
        {
            return null;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var liaison = await FindLiaisons.GetAsync(connection, null, user.LiaisonId!.Value);
        return liaison is { Active: true } && liaison.AccountId == user.AccountId ? liaison : null;
    }

    public async Task<Outcome<Liaison>> RunAsync(CurrentUser user, Request request, CancellationToken cancellationToken = default)
    {
        if (!user.IsLiaison)
        {
            return Outcome<Liaison>.NotFound;
        }
        var errors = new FieldErrors();
        var phone = errors.Phone("phone", request.Phone);
        var email = errors.Email("email", request.Email);
        var language = errors.OneOf("language", request.Language ?? Languages.Default, Languages.All) ?? Languages.Default;
        var ties = LiaisonDetails.CheckTies(errors, request.Ties);
        if (errors.Any)
        {
            return errors;
        }
        var id = user.LiaisonId!.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindLiaisons.GetAsync(connection, transaction, id);
        if (before is not { Active: true } || before.AccountId != user.AccountId)
        {
            return Outcome<Liaison>.NotFound;
        }
        var now = clock.UtcNow();
        await connection.ExecuteAsync(
            """
            update supervision.liaisons set phone = @phone, email = @email, language = @language, updated_at = @now where id = @id;
            update supervision.accounts set phone = @phone, email = @email, language = @language, updated_at = @now where id = @AccountId;
            """,
            new { id, user.AccountId, phone, email, language, now }, transaction);
        await LiaisonDetails.SyncTiesAsync(connection, transaction, id, ties, now);
        await AuditLog.AppendAsync(connection, transaction, now, user.Actor, "liaison.profile-changed", LiaisonDetails.Subject(id),
            new { before = new { before.Phone, before.Email, before.Language }, after = new { phone, email, language },
                ties = ties.Select(t => new { t.Kind, t.Name }) });
        await transaction.CommitAsync(cancellationToken);
        return (await FindLiaisons.GetAsync(connection, null, id))!;
    }
}
