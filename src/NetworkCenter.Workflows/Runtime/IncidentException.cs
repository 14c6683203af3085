namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Raised by a behaviour that cannot go on (no gateway flow holds, a script fails): the token stays where it is and
/// the instance shows an incident that an administrator can retry.
/// </summary>
internal sealed class IncidentException(string message, Exception? inner = null) : Exception(message, inner);
