using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Staff;

/// <summary>
/// A system administrator changes a staff member's details and roles, or deactivates and reactivates them with their
/// account. Role changes take effect at the user's next sign-in.
/// </summary>
internal sealed class ChangeStaff(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Request(string? Name, string? Title, string? Phone, string? Email, string? Language, IReadOnlyList<string>? Roles);

    public async Task<Outcome<StaffMember>> RunAsync(CurrentUser actor, long id, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = StaffDetails.Check(errors, request.Name, request.Title, request.Phone, request.Email, request.Language, request.Roles);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindStaff.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<StaffMember>.NotFound;
        }
        if (before.AccountId == actor.AccountId && before.Roles.Contains(Accounts.Roles.SystemAdministrator) &&
            !details.Roles.Contains(Accounts.Roles.SystemAdministrator))
        {
            // Nobody could give the role back if the last administrator removed it from themselves.
            errors.Add("roles", FieldMessages.KeepOwnAdministrator());
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        await connection.ExecuteAsync(
            """
            update supervision.staff set name = @Name, title = @Title, phone = @Phone, email = @Email, updated_at = @now where id = @id;
            update supervision.accounts set display_name = @Name, phone = @Phone, email = @Email, language = @Language,
                roles = @Roles, updated_at = @now
            where id = @accountId;
            """,
            new { id, before.AccountId, details.Name, details.Title, details.Phone, details.Email, details.Language, details.Roles, now },
            transaction);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "staff.changed", StaffDetails.Subject(id),
            new { before = Describe(before), after = details });
        await transaction.CommitAsync(cancellationToken);
        return (await FindStaff.GetAsync(connection, null, id))!;
    }

    public async Task<Outcome<StaffMember>> SetActiveAsync(CurrentUser actor, long id, bool active, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindStaff.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<StaffMember>.NotFound;
        }
        if (!active && before.AccountId == actor.AccountId)
        {
            return new FieldErrors().Add("id", FieldMessages.DeactivateSelf());
        }
        if (before.Active != active)
        {
            var now = clock.UtcNow();
            await connection.ExecuteAsync(
                """
                update supervision.staff set active = @active, updated_at = @now where id = @id;
                update supervision.accounts set active = @active, updated_at = @now where id = @AccountId;
                """,
                new { id, active, before.AccountId, now }, transaction);
            await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, active ? "staff.reactivated" : "staff.deactivated",
                StaffDetails.Subject(id), new { before.AccountId, before.Username });
            await transaction.CommitAsync(cancellationToken);
        }
        return (await FindStaff.GetAsync(connection, null, id))!;
    }

    private static object Describe(StaffMember member) =>
        new { member.Name, member.Title, member.Phone, member.Email, member.Language, member.Roles };
}
