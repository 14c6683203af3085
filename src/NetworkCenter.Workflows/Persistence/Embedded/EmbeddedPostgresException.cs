namespace NetworkCenter.Workflows.Persistence.Embedded;

/// <summary>The embedded cluster could not be found, created or started; the message says why in one line.</summary>
public sealed class EmbeddedPostgresException(string message) : Exception(message);
