using Npgsql;
using NetworkCenter.Workflows.Persistence.Embedded;

namespace NetworkCenter.Web.Hosting;

/// <summary>
/// The database the service runs on: the configured connection string, or the embedded cluster's. Settled once
/// at start-up by <see cref="DatabaseStartup"/>, before anything opens a connection.
/// </summary>
public sealed class NetworkCenterDatabase : IAsyncDisposable
{
    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The database is not prepared yet (DatabaseStartup has not run).");

    public EmbeddedPostgresCluster? EmbeddedCluster { get; private set; }

    internal void Settle(string connectionString, EmbeddedPostgresCluster? embedded)
    {
        _connectionString = connectionString;
        EmbeddedCluster = embedded;
    }

    public static string Describe(string connectionString)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Host}:{parsed.Port} (database {parsed.Database}, user {parsed.Username})";
    }

    public async ValueTask DisposeAsync()
    {
        if (EmbeddedCluster is not null)
        {
            await EmbeddedCluster.DisposeAsync();
        }
    }
}
