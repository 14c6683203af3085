namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// The procedure classes run one after another: each hosts a whole app (Hangfire server, SMTP sink, connection pool)
/// on its own database, and eight of them at once beside the rest of the suite exhausted the test cluster's
/// connections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProceduresCollection
{
    public const string Name = "procedures";
}
