using Dapper;
using Microsoft.Extensions.Logging;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Seeding;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>The administrator's password as the host settled it (environment, configuration, Development default), or none.</summary>
public sealed record AdministratorPassword(string? Value);

/// <summary>
/// The <c>admin</c> account, in every staff role, created at start-up when missing. An existing one is left alone:
/// its password may have been changed since. Without a configured password it is not created.
/// </summary>
internal sealed class AdministratorSeed(
    NpgsqlDataSource database, Passwords passwords, TimeProvider clock, AdministratorPassword password, ILogger<AdministratorSeed> logger)
    : IStartupSeed
{
    public const string Username = "admin";

    public int Order => 0;

    public bool IsDemo => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<bool>(
            "select exists (select 1 from supervision.accounts where lower(username) = @Username)", new { Username }))
        {
            return;
        }
        if (string.IsNullOrEmpty(password.Value))
        {
            logger.LogWarning(
                "The {Username} account was not created: set NC_ADMIN_PASSWORD or Auth:AdminPassword to create it at the next start", Username);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.UtcNow();
        var id = await NewAccount.InsertAsync(connection, transaction, new NewAccount.Checked(Username, password.Value),
            passwords.Hash(password.Value), "系统管理员", email: null, phone: null, Languages.Default, Roles.Staff, now);
        if (id is null)
        {
            return; // another instance created it meanwhile
        }
        await connection.ExecuteAsync(
            """
            insert into supervision.staff (account_id, name, title, created_at, updated_at)
            values (@id, '系统管理员', 'Administrator', @now, @now)
            """, new { id, now }, transaction);
        await AuditLog.AppendAsync(connection, transaction, now, Actor.System, "account.created", SignIn.Subject(id.Value),
            new { username = Username, roles = Roles.Staff, reason = "built-in administrator" });
        await transaction.CommitAsync(cancellationToken);
    }
}
