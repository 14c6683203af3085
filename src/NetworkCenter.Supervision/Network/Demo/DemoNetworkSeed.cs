using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Seeding;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Demo;

/// <summary>
/// Puts <see cref="DemoNetwork"/> into an empty database (no offices yet), in one transaction. Demo passwords equal the
/// usernames, below the password policy on purpose: they are for trying the service out in Development only.
/// </summary>
internal sealed class DemoNetworkSeed(NpgsqlDataSource database, Passwords passwords, TimeProvider clock) : IStartupSeed
{
    public int Order => 100;

    public bool IsDemo => true;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises concurrent starts on one database; the check below then sees the other's offices.
        await connection.ExecuteAsync("lock table supervision.offices in exclusive mode", transaction: transaction);
        if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from supervision.offices)", transaction: transaction))
        {
            return;
        }
        var now = clock.UtcNow();
        foreach (var member in DemoNetwork.Staff)
        {
            var accountId = await InsertAccountAsync(connection, transaction, member.Username, member.Name, [member.Role], Languages.Default, now);
            if (accountId is null)
            {
                continue; // someone made this username already: leave their account alone
            }
            await connection.ExecuteAsync(
                """
                insert into supervision.staff (account_id, name, title, phone, email, created_at, updated_at)
                values (@accountId, @Name, @Title, @phone, @email, @now, @now)
                """,
                new { accountId, member.Name, member.Title, phone = "0391-7200100", email = $"{member.Username}@procuratorate.example", now },
                transaction);
        }

        var officeIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var office in DemoNetwork.Offices)
        {
            officeIds[office.Name] = await connection.ExecuteScalarAsync<long>(
                """
                insert into supervision.offices (kind, name, host_unit_kind, host_unit, address, contact_person, phone, email, created_at, updated_at)
                values (@Kind, @Name, @HostUnitKind, @HostUnit, @Address, @Contact, @Phone, null, @now, @now)
                returning id
                """,
                new { office.Kind, office.Name, office.HostUnitKind, office.HostUnit, office.Address, office.Contact, office.Phone, now },
                transaction);
        }

        for (var i = 0; i < DemoNetwork.Liaisons.Count; i++)
        {
            var liaison = DemoNetwork.Liaisons[i];
            var number = (i + 1).ToString("00", CultureInfo.InvariantCulture);
            var username = $"liaison{number}";
            var accountId = i < DemoNetwork.LiaisonsWithAccounts
                ? await InsertAccountAsync(connection, transaction, username, liaison.Name, [Roles.Liaison], liaison.Language, now)
                : null;
            var liaisonId = await connection.ExecuteScalarAsync<long>(
                """
                insert into supervision.liaisons (account_id, name, unit, office_id, phone, email, language, expertise, groups, created_at, updated_at)
                values (@accountId, @Name, @Unit, @officeId, @phone, @email, @Language, @Expertise, @Groups, @now, @now)
                returning id
                """,
                new
                {
                    accountId, liaison.Name, liaison.Unit, officeId = officeIds[liaison.Office], phone = $"139000000{number}",
                    email = $"{username}@qinghe.example", liaison.Language, liaison.Expertise, liaison.Groups, now,
                },
                transaction);
            foreach (var tie in liaison.Ties ?? [])
            {
                await connection.ExecuteAsync(
                    """
                    insert into supervision.liaison_ties (liaison_id, tie_kind, name, id_number, note, created_at)
                    values (@liaisonId, @Kind, @Name, @IdNumber, @Note, @now)
                    """,
                    new { liaisonId, tie.Kind, tie.Name, tie.IdNumber, tie.Note, now }, transaction);
            }
        }
        await AuditLog.AppendAsync(connection, transaction, now, Actor.System, "network.demo-seeded", "network",
            new { offices = DemoNetwork.Offices.Count, liaisons = DemoNetwork.Liaisons.Count, staff = DemoNetwork.Staff.Count });
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<long?> InsertAccountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string username, string name, string[] roles, string language, DateTimeOffset now) =>
        NewAccount.InsertAsync(connection, transaction, new NewAccount.Checked(username, username), passwords.Hash(username), name,
            email: null, phone: null, language, roles, now);
}
