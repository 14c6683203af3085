using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Offices;

/// <summary>The clue administrator sets up a liaison office or a reporting point in a host unit.</summary>
internal sealed class RegisterOffice(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Request(
        string? Kind, string? Name, string? HostUnitKind, string? HostUnit, string? Address, string? ContactPerson, string? Phone, string? Email);

    public async Task<Outcome<Office>> RunAsync(CurrentUser actor, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = OfficeDetails.Check(errors, request.Kind, request.Name, request.HostUnitKind, request.HostUnit, request.Address,
            request.ContactPerson, request.Phone, request.Email);
        if (errors.Any)
        {
            return errors;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.UtcNow();
        var id = await connection.QuerySingleOrDefaultAsync<long?>(
            """
            insert into supervision.offices (kind, name, host_unit_kind, host_unit, address, contact_person, phone, email, created_at, updated_at)
            values (@Kind, @Name, @HostUnitKind, @HostUnit, @Address, @ContactPerson, @Phone, @Email, @now, @now)
            on conflict (lower(name)) do nothing
            returning id
            """,
            new { details.Kind, details.Name, details.HostUnitKind, details.HostUnit, details.Address, details.ContactPerson, details.Phone,
                details.Email, now },
            transaction);
        if (id is null)
        {
            return errors.Conflict("name", FieldMessages.OfficeNameTaken(details.Name));
        }
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "office.registered", OfficeDetails.Subject(id.Value), details);
        await transaction.CommitAsync(cancellationToken);
        return (await FindOffices.GetAsync(connection, null, id.Value))!;
    }
}

/// <summary>What registering and changing an office both check.</summary>
internal sealed record OfficeDetails(
    string Kind, string Name, string HostUnitKind, string HostUnit, string? Address, string? ContactPerson, string? Phone, string? Email)
{
    public static string Subject(long id) => $"office:{id}";

    public static OfficeDetails Check(
        FieldErrors errors, string? kind, string? name, string? hostUnitKind, string? hostUnit, string? address, string? contactPerson,
        string? phone, string? email) =>
        new(
            errors.OneOf("kind", kind, Vocabulary.OfficeKinds) ?? "",
            errors.Required("name", name) ?? "",
            errors.OneOf("hostUnitKind", hostUnitKind, Vocabulary.HostUnitKinds) ?? "",
            errors.Required("hostUnit", hostUnit) ?? "",
            errors.Optional("address", address, 500),
            errors.Optional("contactPerson", contactPerson),
            errors.Phone("phone", phone),
            errors.Email("email", email));
}
