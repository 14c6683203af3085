using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NetworkCenter.Workflows.Persistence;
using NetworkCenter.Workflows.Persistence.Embedded;
using Npgsql;

namespace NetworkCenter.Web.Hosting;

/// <summary>
/// Settles which database to use (configured or embedded), checks it answers, and migrates it. A failure is one
/// clear log line naming host and port, and the process exits, rather than a stack trace.
/// </summary>
public static class DatabaseStartup
{
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NetworkCenter.Database");
        var database = app.Services.GetRequiredService<NetworkCenterDatabase>();
        var configured = app.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        try
        {
            var connectionString = string.IsNullOrWhiteSpace(configured)
                ? await StartEmbeddedAsync(app, database, logger)
                : Validate(configured);
            database.Settle(connectionString, database.EmbeddedCluster);
            await CheckReachableAsync(connectionString, app.Lifetime.ApplicationStopping);
            DatabaseMigrator.Migrate(connectionString, MigrationAssemblies.All, logger);
            logger.LogInformation("Database ready at {Database}", NetworkCenterDatabase.Describe(connectionString));
            return true;
        }
        catch (Exception e) when (e is StartupDatabaseException or EmbeddedPostgresException or DatabaseMigrationException)
        {
            logger.LogCritical("Cannot start: {Reason}", e.Message);
            return false;
        }
    }

    private static async Task<string> StartEmbeddedAsync(WebApplication app, NetworkCenterDatabase database, ILogger logger)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var directory = Path.GetFullPath(options.DataDirectory, app.Environment.ContentRootPath);
        var cluster = await EmbeddedPostgresCluster.StartAsync(directory, app.Lifetime.ApplicationStopping);
        database.Settle(cluster.ConnectionString(), cluster);
        logger.LogInformation("Embedded PostgreSQL cluster in {Directory} on 127.0.0.1:{Port}", cluster.DataDirectory, cluster.Port);
        // The cluster stops after everything that uses it (Hangfire's server included) has stopped.
        app.Lifetime.ApplicationStopped.Register(() => cluster.StopAsync().GetAwaiter().GetResult());
        await EnsureDatabaseAsync(cluster, options.EmbeddedDatabaseName);
        return cluster.ConnectionString(options.EmbeddedDatabaseName);
    }

    private static async Task EnsureDatabaseAsync(EmbeddedPostgresCluster cluster, string name)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private static string Validate(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StartupDatabaseException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not a valid PostgreSQL connection string: {e.Message}");
        }
    }

    private static async Task CheckReachableAsync(string connectionString, CancellationToken cancellationToken)
    {
        var where = NetworkCenterDatabase.Describe(connectionString);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new StartupDatabaseException($"PostgreSQL at {where} refused the connection: {e.SqlState} {e.MessageText}");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new StartupDatabaseException($"PostgreSQL at {where} cannot be reached: {reason}");
        }
    }
}

/// <summary>The configured database is unusable; the message names it and says why.</summary>
public sealed class StartupDatabaseException(string message) : Exception(message);
