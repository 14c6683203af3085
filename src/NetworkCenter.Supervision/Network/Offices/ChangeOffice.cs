using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Offices;

/// <summary>
/// The clue administrator changes an office or point, or deactivates and reactivates it. A deactivated office keeps
/// its liaisons and its clues; it only stops taking new liaisons.
/// </summary>
internal sealed class ChangeOffice(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Request(
        string? Kind, string? Name, string? HostUnitKind, string? HostUnit, string? Address, string? ContactPerson, string? Phone, string? Email);

    public async Task<Outcome<Office>> RunAsync(CurrentUser actor, long id, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = OfficeDetails.Check(errors, request.Kind, request.Name, request.HostUnitKind, request.HostUnit, request.Address,
            request.ContactPerson, request.Phone, request.Email);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindOffices.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<Office>.NotFound;
        }
        if (errors.Any)
        {
            return errors;
        }
        var now = clock.UtcNow();
        try
        {
            await connection.ExecuteAsync(
                """
                update supervision.offices set kind = @Kind, name = @Name, host_unit_kind = @HostUnitKind, host_unit = @HostUnit,
                    address = @Address, contact_person = @ContactPerson, phone = @Phone, email = @Email, updated_at = @now
                where id = @id
                """,
                new { id, details.Kind, details.Name, details.HostUnitKind, details.HostUnit, details.Address, details.ContactPerson,
                    details.Phone, details.Email, now },
                transaction);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return errors.Conflict("name", FieldMessages.OfficeNameTaken(details.Name));
        }
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "office.changed", OfficeDetails.Subject(id),
            new { before = Describe(before), after = details });
        await transaction.CommitAsync(cancellationToken);
        return (await FindOffices.GetAsync(connection, null, id))!;
    }

    public async Task<Outcome<Office>> SetActiveAsync(CurrentUser actor, long id, bool active, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await FindOffices.GetAsync(connection, transaction, id);
        if (before is null)
        {
            return Outcome<Office>.NotFound;
        }
        if (before.Active != active)
        {
            var now = clock.UtcNow();
            await connection.ExecuteAsync(
                "update supervision.offices set active = @active, updated_at = @now where id = @id", new { id, active, now }, transaction);
            await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, active ? "office.reactivated" : "office.deactivated",
                OfficeDetails.Subject(id), new { before.Name });
            await transaction.CommitAsync(cancellationToken);
        }
        return (await FindOffices.GetAsync(connection, null, id))!;
    }

    private static object Describe(Office office) => new
    {
        office.Kind, office.Name, office.HostUnitKind, office.HostUnit, office.Address, office.ContactPerson, office.Phone, office.Email,
    };
}
