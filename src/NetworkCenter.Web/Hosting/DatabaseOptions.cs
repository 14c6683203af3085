namespace NetworkCenter.Web.Hosting;

/// <summary>Settings under <c>Database</c>, for the embedded cluster used when no connection string is configured.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "NetworkCenter";

    /// <summary>Where the embedded cluster lives, relative to the content root.</summary>
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>The database the service uses inside the embedded cluster.</summary>
    public string EmbeddedDatabaseName { get; set; } = "networkcenter";
}
