using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace NetworkCenter.Workflows.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded in each assembly (<c>Persistence/Migrations/NNNN_name.sql</c>) with DbUp,
/// engine first, then the domain; a script already recorded in the journal is never run again.
/// </summary>
public static class DatabaseMigrator
{
    public static int Migrate(string connectionString, IEnumerable<Assembly> assemblies, ILogger logger)
    {
        var applied = 0;
        foreach (var assembly in assemblies)
        {
            var prefix = assembly.GetName().Name + ".Persistence.Migrations.";
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
                .JournalToPostgresqlTable("public", "schema_versions")
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new DatabaseMigrationException(result.ErrorScript?.Name, result.Error);
            }
            foreach (SqlScript script in result.Scripts)
            {
                logger.LogInformation("Applied migration {Script}", script.Name);
            }
            applied += result.Scripts.Count();
        }
        return applied;
    }
}

/// <summary>A migration script failed; nothing of that script was kept.</summary>
public sealed class DatabaseMigrationException(string? script, Exception inner)
    : Exception($"Migration {script ?? "(unknown)"} failed: {inner.Message}", inner);
