using System.Reflection;

namespace NetworkCenter.Web.Hosting;

/// <summary>The assemblies whose embedded SQL scripts make the schema, in the order they apply: engine, then domain.</summary>
public static class MigrationAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(NetworkCenter.Workflows.Persistence.DatabaseMigrator).Assembly,
        typeof(NetworkCenter.Supervision.Mail.SmtpOptions).Assembly,
    ];
}
