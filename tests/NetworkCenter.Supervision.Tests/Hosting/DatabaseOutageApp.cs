using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>
/// The service on a PostgreSQL cluster of its own (own data directory, own port), so the test can stop and restart
/// PostgreSQL under it without touching the cluster the other test classes share.
/// </summary>
public class DatabaseOutageApp : NetworkCenterApp
{
    private EmbeddedPostgresCluster? _cluster;

    public EmbeddedPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture is not initialised.");

    protected override async Task<string> CreateDatabaseAsync()
    {
        _cluster = await PostgresTestCluster.StartPrivateAsync();
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("create database outage", connection);
        await create.ExecuteNonQueryAsync();
        return _cluster.ConnectionString("outage");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Requests during the outage should fail fast rather than queue for the pool's 15 s default.
        builder.UseSetting("ConnectionStrings:NetworkCenter", ConnectionString + ";Maximum Pool Size=40;Timeout=5;Connection Idle Lifetime=15");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is not null)
        {
            await PostgresTestCluster.RemovePrivateAsync(_cluster);
        }
        GC.SuppressFinalize(this);
    }
}
