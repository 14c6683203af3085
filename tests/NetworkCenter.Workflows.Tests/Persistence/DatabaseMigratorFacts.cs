using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkCenter.Testing;
using NetworkCenter.Web.Hosting;
using NetworkCenter.Workflows.Persistence;
using Npgsql;

namespace NetworkCenter.Workflows.Tests.Persistence;

public sealed class DatabaseMigratorFacts
{
    [Fact]
    public async Task Migrate_AppliesEveryScriptOnce_AndASecondRunChangesNothing()
    {
        var connectionString = await PostgresTestCluster.CreateDatabaseAsync(nameof(DatabaseMigratorFacts));

        var first = DatabaseMigrator.Migrate(connectionString, MigrationAssemblies.All, NullLogger.Instance);
        var second = DatabaseMigrator.Migrate(connectionString, MigrationAssemblies.All, NullLogger.Instance);

        Assert.True(first >= 2, $"expected the engine's and the domain's scripts, applied {first}");
        Assert.Equal(0, second);
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(first, await connection.ExecuteScalarAsync<int>("select count(*) from public.schema_versions"));
        var schemas = (await connection.QueryAsync<string>("select nspname from pg_namespace")).ToHashSet();
        Assert.Contains("engine", schemas);
        Assert.Contains("supervision", schemas);
    }

    [Fact]
    public async Task Migrate_EngineScriptsRunBeforeDomainScripts()
    {
        var connectionString = await PostgresTestCluster.CreateDatabaseAsync("migrator_order");

        DatabaseMigrator.Migrate(connectionString, MigrationAssemblies.All, NullLogger.Instance);

        await using var connection = new NpgsqlConnection(connectionString);
        var names = (await connection.QueryAsync<string>("select scriptname from public.schema_versions order by schemaversionsid")).ToList();
        var lastEngine = names.FindLastIndex(n => n.StartsWith("NetworkCenter.Workflows.", StringComparison.Ordinal));
        var firstDomain = names.FindIndex(n => n.StartsWith("NetworkCenter.Supervision.", StringComparison.Ordinal));
        Assert.True(lastEngine < firstDomain, string.Join(", ", names));
    }
}
