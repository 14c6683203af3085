using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.FaultHarness;

/// <summary>One throwaway PostgreSQL cluster for a whole harness run; it outlives every service process killed on it.</summary>
internal sealed class HarnessCluster : IAsyncDisposable
{
    private readonly string _folder;

    private HarnessCluster(string folder, EmbeddedPostgresCluster cluster)
    {
        _folder = folder;
        Cluster = cluster;
    }

    public EmbeddedPostgresCluster Cluster { get; }

    public static async Task<HarnessCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nc-faults-" + Guid.NewGuid().ToString("N")[..8]);
        return new HarnessCluster(folder, await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder, "data")));
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {name}", connection);
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
