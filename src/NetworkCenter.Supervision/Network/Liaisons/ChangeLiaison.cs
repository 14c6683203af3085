using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>
/// The clue administrator changes a liaison, or deactivates and reactivates them with their account. The liaison's
/// own changes (contact details, language, ties) go through <see cref="ChangeOwnProfile"/>.
/// </summary>
internal sealed class ChangeLiaison(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Request(
        string? Name, string? Unit, long? OfficeId, string? Phone, string? Email, string? Language, IReadOnlyList<string>? Expertise,
        IReadOnlyList<string>? Groups, IReadOnlyList<TieRequest?>? Ties);

    public async Task<Outcome<Liaison>> RunAsync(CurrentUser actor, long id, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = LiaisonDetails.Check(errors, request.Name, request.Unit, request.OfficeId, request.Phone, request.Email,
            request.Language, request.Expertise, request.Groups);
        var ties = LiaisonDetails.CheckTies(errors, request.Ties);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindLiaisons.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<Liaison>.NotFound;
        }
        await LiaisonDetails.CheckOfficeAsync(errors, connection, transaction, details.OfficeId, before.OfficeId);
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        await connection.ExecuteAsync(
            """
            update supervision.liaisons set name = @Name, unit = @Unit, office_id = @OfficeId, phone = @Phone, email = @Email,
                language = @Language, expertise = @Expertise, groups = @Groups, updated_at = @now
            where id = @id;
            update supervision.accounts set display_name = @Name, phone = @Phone, email = @Email, language = @Language, updated_at = @now
            where id = @AccountId;
            """,
            new { id, before.AccountId, details.Name, details.Unit, details.OfficeId, details.Phone, details.Email, details.Language,
                details.Expertise, details.Groups, now },
            transaction);
        await LiaisonDetails.SyncTiesAsync(connection, transaction, id, ties, now);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "liaison.changed", LiaisonDetails.Subject(id),
            new { before = Describe(before), after = details, ties = ties.Select(t => new { t.Kind, t.Name }) });
        await transaction.CommitAsync(cancellationToken);
        return (await FindLiaisons.GetAsync(connection, null, id))!;
    }

    public async Task<Outcome<Liaison>> SetActiveAsync(CurrentUser actor, long id, bool active, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindLiaisons.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<Liaison>.NotFound;
        }
        if (before.Active != active)
        {
            var now = clock.UtcNow();
            // A deactivated liaison can no longer sign in; their clues keep pointing at the row.
            await connection.ExecuteAsync(
                """
                update supervision.liaisons set active = @active, updated_at = @now where id = @id;
                update supervision.accounts set active = @active, updated_at = @now where id = @AccountId;
                """,
                new { id, active, before.AccountId, now }, transaction);
            await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, active ? "liaison.reactivated" : "liaison.deactivated",
                LiaisonDetails.Subject(id), new { before.Name, before.AccountId });
            await transaction.CommitAsync(cancellationToken);
        }
        return (await FindLiaisons.GetAsync(connection, null, id))!;
    }

    internal static object Describe(Liaison liaison) => new
    {
        liaison.Name, liaison.Unit, liaison.OfficeId, liaison.Phone, liaison.Email, liaison.Language, liaison.Expertise, liaison.Groups,
        ties = liaison.Ties.Select(t => new { t.Kind, t.Name }),
    };
}
