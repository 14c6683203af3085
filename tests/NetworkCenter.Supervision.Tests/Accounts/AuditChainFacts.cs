using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Tests.Network;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;
using NetworkCenter.Workflows.Persistence;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Accounts;

/// <summary>
/// The hash chains of engine.journal and supervision.audit_log. Each tampering test works in a transaction it rolls
/// back, as the superuser with triggers switched off (session_replication_role = replica), and verifies inside it, so
/// the chains stay intact for the other tests of the class.
/// </summary>
public sealed class AuditChainFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>, IAsyncLifetime
{
    private static readonly Guid Instance = Guid.Parse("0195a000-0000-7000-8000-00000000c4a1");

    public async Task InitializeAsync()
    {
        using var admin = await app.SignedInClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateOfficeAsync($"链测试联络站{Guid.NewGuid():N}");
        }
        await using var connection = await app.OpenConnectionAsync();
        await AppendJournalAsync(connection, Instance, 4);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Verify_ReportsOk_ForUntouchedChains()
    {
        using var admin = await app.SignedInClientAsync();

        var result = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        var tables = result.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, t => t);
        Assert.True(tables["engine.journal"].GetProperty("rows").GetInt64() >= 4);
        Assert.True(tables["supervision.audit_log"].GetProperty("rows").GetInt64() >= 3);
    }

    [Theory]
    [InlineData("engine.journal", "kind = 'forged'")]
    [InlineData("supervision.audit_log", "actor = 'someone-else'")]
    public async Task Verify_NamesTheRow_ChangedBySqlBypassingTheTrigger(string table, string change)
    {
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = await ChainIdsAsync(connection, table);
        var target = ids[1];
        await connection.ExecuteAsync($"set local session_replication_role = replica; update {table} set {change} where id = @target", new { target });

        var broken = await FirstBrokenAsync(connection, table);

        Assert.Equal(target, broken.Id);
        Assert.Contains("content", broken.Problem, StringComparison.Ordinal);
        Assert.NotEqual(broken.Expected, broken.Found);
    }

    [Theory]
    [InlineData("engine.journal")]
    [InlineData("supervision.audit_log")]
    public async Task Verify_NamesTheRowAfter_ADeletedRow(string table)
    {
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = await ChainIdsAsync(connection, table);
        await connection.ExecuteAsync($"set local session_replication_role = replica; delete from {table} where id = @id", new { id = ids[1] });

        var broken = await FirstBrokenAsync(connection, table);

        Assert.Equal(ids[2], broken.Id);
        Assert.Equal(ids[0], broken.PreviousId);
    }

    /// <summary>
    /// The forger's best effort: the slipped-in row links to its predecessor with a correct hash and later rows are
    /// renumbered, yet the next row's recorded prev_hash still names the row that really came before it.
    /// </summary>
    [Fact]
    public async Task Verify_NamesTheRowAfter_ARowInsertedInTheMiddle()
    {
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = await ChainIdsAsync(connection, "engine.journal");
        var forged = await connection.ExecuteScalarAsync<long>(
            """
            set local session_replication_role = replica;
            update engine.journal set chain_seq = -chain_seq where instance_id = @instance and chain_seq > 1;
            update engine.journal set chain_seq = 1 - chain_seq where instance_id = @instance and chain_seq < 0;
            with previous as (select id, hash from engine.journal where instance_id = @instance and chain_seq = 1),
            forged as (
                insert into engine.journal (id, instance_id, at, kind, element_id, user_id, data, chain_seq, prev_hash, hash)
                overriding system value
                select p.id + 1000000, @instance, now(), 'task-completed', 'review', 'forger', '{}', 2, p.hash, p.hash from previous p
                returning id)
            select id from forged
            """, new { instance = Instance });
        await connection.ExecuteAsync(
            "update engine.journal j set hash = sha256(j.prev_hash || convert_to(engine.journal_canonical(j), 'UTF8')) where id = @forged",
            new { forged });

        var broken = await FirstBrokenAsync(connection, "engine.journal");

        Assert.Equal(ids[1], broken.Id);
        Assert.Equal(forged, broken.PreviousId);
        Assert.Contains("prev_hash", broken.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine.journal")]
    [InlineData("supervision.audit_log")]
    public async Task UpdateAndDelete_AreRefused_WhileTheTriggersAreOn(string table)
    {
        await using var connection = await app.OpenConnectionAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync($"update {table} set chain_seq = chain_seq"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync($"delete from {table}"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync($"truncate {table}"));

        Assert.All(new[] { update, delete, truncate }, e => Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentWriters_StillGiveOneValidChain()
    {
        var instance = Guid.NewGuid();
        using var admin = await app.SignedInClientAsync();
        var offices = Enumerable.Range(0, 8).Select(i => admin.CreateOfficeAsync($"并发联络站{i}{Guid.NewGuid():N}"));
        var journals = Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var connection = await app.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await AppendJournalAsync(connection, instance, 5);
            await transaction.CommitAsync();
        });

        await Task.WhenAll(offices.Cast<Task>().Concat(journals));

        await using var check = await app.OpenConnectionAsync();
        var result = await AuditVerification.VerifyAsync(check, CancellationToken.None);
        Assert.True(result.Ok, string.Join("; ", result.Tables.Select(t => t.FirstBroken)));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i),
            await check.QueryAsync<long>("select chain_seq from engine.journal where instance_id = @instance order by chain_seq", new { instance }));
    }

    private static Task AppendJournalAsync(NpgsqlConnection connection, Guid instance, int count) =>
        connection.ExecuteAsync(
            """
            insert into engine.journal (instance_id, at, kind, element_id, user_id, data)
            select @instance, now(), 'task-created', 'task' || n, 'admin', jsonb_build_object('n', n) from generate_series(1, @count) n
            """, new { instance, count });

    /// <summary>The ids of the chain under test in chain order: the fixture's instance for the journal, the whole audit log.</summary>
    private static async Task<List<long>> ChainIdsAsync(NpgsqlConnection connection, string table) =>
    [
        .. await connection.QueryAsync<long>(table == "engine.journal"
            ? "select id from engine.journal where instance_id = @instance order by chain_seq"
            : "select id from supervision.audit_log order by chain_seq", new { instance = Instance }),
    ];

    private static async Task<BrokenChainRow> FirstBrokenAsync(NpgsqlConnection connection, string table)
    {
        var result = await AuditVerification.VerifyAsync(connection, CancellationToken.None);
        Assert.False(result.Ok);
        var report = Assert.Single(result.Tables, t => t.Table == table);
        return Assert.IsType<BrokenChainRow>(report.FirstBroken);
    }
}
