using System.Diagnostics;
using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (per test process), made from the machine's binaries in a temporary
/// folder and removed when the process exits; every test class gets a fresh database in it.
/// </summary>
public static class PostgresTestCluster
{
    private const string FolderPrefix = "nc-test-pg-";
    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);

    public static Task<EmbeddedPostgresCluster> GetAsync() => Cluster.Value;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string hint)
    {
        var cluster = await GetAsync();
        // PostgreSQL identifiers stop at 63 bytes: a short readable hint plus a unique suffix.
        var name = $"t_{new string([.. hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30)])}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// A cluster of the caller's own, with its own data directory and port, for a test that stops and restarts
    /// PostgreSQL (stopping the shared one would fail every other class running beside it). Stopped and deleted by
    /// <see cref="RemovePrivateAsync"/>, or at process exit, or by the next run if this one is killed.
    /// </summary>
    public static async Task<EmbeddedPostgresCluster> StartPrivateAsync()
    {
        var (cluster, _) = await StartInNewFolderAsync(maxConnections: 300);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemovePrivateAsync(cluster).GetAwaiter().GetResult();
        return cluster;
    }

    public static async Task RemovePrivateAsync(EmbeddedPostgresCluster cluster)
    {
        await cluster.StopAsync();
        TryDelete(Path.GetDirectoryName(cluster.DataDirectory)!);
    }

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        await RemoveAbandonedClustersAsync();
        // Many test hosts live at once, each with its pool and Hangfire server.
        var (cluster, folder) = await StartInNewFolderAsync(maxConnections: 1000);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            TryDelete(folder);
        };
        return cluster;
    }

    private static async Task<(EmbeddedPostgresCluster Cluster, string Folder)> StartInNewFolderAsync(int maxConnections)
    {
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder, "data"), maxConnections: maxConnections), folder);
    }

    /// <summary>Clusters left by test processes that were killed: stopped and deleted, so they do not pile up.</summary>
    private static async Task RemoveAbandonedClustersAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(folder, "owner.pid");
            if (File.Exists(ownerFile) && int.TryParse(await File.ReadAllTextAsync(ownerFile), out var owner) && IsAlive(owner))
            {
                continue;
            }
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    var abandoned = await EmbeddedPostgresCluster.StartAsync(data);
                    await abandoned.StopAsync();
                }
                catch (EmbeddedPostgresException)
                {
                    // Best effort: a cluster that cannot be adopted is deleted below all the same.
                }
            }
            TryDelete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
