using System.Diagnostics;
using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.Workflows.Tests.Persistence;

/// <summary>The embedded cluster the service uses when no connection string is configured, with the machine's real binaries.</summary>
public sealed class EmbeddedPostgresClusterFacts : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nc-cluster-facts-" + Guid.NewGuid().ToString("N")[..8]);
    private string DataDirectory => Path.Combine(_folder, "postgres");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_CreatesCluster_AndSecondStartReusesItsData()
    {
        await using (var first = await EmbeddedPostgresCluster.StartAsync(DataDirectory))
        {
            await ExecuteAsync(first, "create table kept (value text); insert into kept values ('survives a restart')");
        }

        await using var second = await EmbeddedPostgresCluster.StartAsync(DataDirectory);

        Assert.Equal("survives a restart", await ScalarAsync(second, "select value from kept"));
    }

    [Fact]
    public async Task Start_AdoptsTheRunningServer_WhenItsOwnerWasKilled()
    {
        // The owner dies without stopping the cluster (kill -9 of the service): the postmaster keeps running.
        var orphan = await EmbeddedPostgresCluster.StartAsync(DataDirectory);

        await using var next = await EmbeddedPostgresCluster.StartAsync(DataDirectory);

        Assert.Equal(orphan.Port, next.Port);
        Assert.Equal(1, await ScalarAsync(next, "select 1"));
    }

    [Fact]
    public async Task Start_Recovers_FromStalePostmasterPid_AfterServerWasKilled()
    {
        var crashed = await EmbeddedPostgresCluster.StartAsync(DataDirectory);
        var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(DataDirectory, "postmaster.pid")))[0], System.Globalization.CultureInfo.InvariantCulture);
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill(entireProcessTree: false);
            await postmaster.WaitForExitAsync();
        }
        Assert.True(File.Exists(Path.Combine(DataDirectory, "postmaster.pid")), "the crash must leave a stale postmaster.pid behind");

        await using var restarted = await EmbeddedPostgresCluster.StartAsync(DataDirectory);

        Assert.NotEqual(0, restarted.Port);
        Assert.Equal(1, await ScalarAsync(restarted, "select 1"));
        _ = crashed;
    }

    [Fact]
    public async Task Start_Refuses_ANonEmptyFolderThatIsNotACluster()
    {
        Directory.CreateDirectory(DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "notes.txt"), "not a database");

        var error = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgresCluster.StartAsync(DataDirectory));

        Assert.Contains("neither empty nor a PostgreSQL cluster", error.Message);
        Assert.True(File.Exists(Path.Combine(DataDirectory, "notes.txt")));
    }

    private static async Task ExecuteAsync(EmbeddedPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(EmbeddedPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
