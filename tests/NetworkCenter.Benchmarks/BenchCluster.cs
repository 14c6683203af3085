using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>One throwaway PostgreSQL cluster for a whole benchmark run: baselines and the service share it.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly string _folder;

    private BenchCluster(string folder, EmbeddedPostgresCluster cluster)
    {
        _folder = folder;
        Cluster = cluster;
    }

    public EmbeddedPostgresCluster Cluster { get; private set; }

    /// <summary>A new cluster; with <paramref name="statementStats"/>, restarted with pg_stat_statements loaded.</summary>
    public static async Task<BenchCluster> StartAsync(bool statementStats = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nc-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var bench = new BenchCluster(folder, await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder, "data")));
        if (statementStats)
        {
            await using (var connection = new NpgsqlConnection(bench.Cluster.ConnectionString()))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("alter system set shared_preload_libraries = 'pg_stat_statements'", connection);
                await command.ExecuteNonQueryAsync();
            }
            await bench.Cluster.StopAsync();
            bench.Cluster = await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder, "data"));
        }
        return bench;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {name}; ", connection);
        await command.ExecuteNonQueryAsync();
        command.CommandText = $"create database {name}";
        await command.ExecuteNonQueryAsync();
        return Cluster.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
