using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Staff;

/// <summary>A system administrator registers a staff member with an account and their roles.</summary>
internal sealed class RegisterStaff(NpgsqlDataSource database, Passwords passwords, TimeProvider clock)
{
    public sealed record Request(
        string? Name, string? Title, string? Phone, string? Email, string? Language, IReadOnlyList<string>? Roles,
        string? Username, string? Password);

    public async Task<Outcome<StaffMember>> RunAsync(CurrentUser actor, Request request, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var details = StaffDetails.Check(errors, request.Name, request.Title, request.Phone, request.Email, request.Language, request.Roles);
        var account = NewAccount.Check(errors, "", new NewAccount.Request(request.Username, request.Password), passwords);
        if (errors.Any)
        {
            return errors;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.UtcNow();
        var accountId = await NewAccount.InsertAsync(connection, transaction, account!, passwords.Hash(account!.Password), details.Name,
            details.Email, details.Phone, details.Language, details.Roles, now);
        if (accountId is null)
        {
            return errors.Conflict("username", FieldMessages.UsernameTaken(account.Username));
        }
        var id = await connection.ExecuteScalarAsync<long>(
            """
            insert into supervision.staff (account_id, name, title, phone, email, created_at, updated_at)
            values (@accountId, @Name, @Title, @Phone, @Email, @now, @now)
            returning id
            """,
            new { accountId, details.Name, details.Title, details.Phone, details.Email, now }, transaction);
        await AuditLog.AppendAsync(connection, transaction, now, actor.Actor, "staff.registered", StaffDetails.Subject(id),
            new { accountId, account.Username, details });
        await transaction.CommitAsync(cancellationToken);
        return (await FindStaff.GetAsync(connection, null, id))!;
    }
}

/// <summary>What staff registration and change both check.</summary>
internal sealed record StaffDetails(string Name, string? Title, string? Phone, string? Email, string Language, string[] Roles)
{
    public static string Subject(long id) => $"staff:{id}";

    public static StaffDetails Check(
        FieldErrors errors, string? name, string? title, string? phone, string? email, string? language, IReadOnlyList<string>? roles)
    {
        var checkedRoles = errors.Codes("roles", roles, Accounts.Roles.Staff);
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", FieldMessages.AtLeastOneRole());
        }
        return new StaffDetails(
            errors.Required("name", name) ?? "",
            errors.Optional("title", title),
            errors.Phone("phone", phone),
            errors.Email("email", email),
            errors.OneOf("language", language ?? Languages.Default, Languages.All) ?? Languages.Default,
            checkedRoles);
    }
}
