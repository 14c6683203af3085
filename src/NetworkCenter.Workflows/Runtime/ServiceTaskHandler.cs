using System.Text.Json.Nodes;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Does the work of service tasks, send tasks and message end events whose <c>camunda:topic</c> is <see cref="Topic"/>.
/// Implementations are found by assembly scanning (engine, domain and host assemblies) and resolved in a DI scope per
/// run. A run happens after the command that reached the task has committed, and at least once: a handler must be
/// idempotent. Throwing <see cref="BpmnErrorException"/> triggers an error boundary event; any other exception is
/// retried with back-off and, after the last attempt, shown as an incident.
/// </summary>
public interface IServiceTaskHandler
{
    string Topic { get; }

    Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler sees: the instance, its business key, the element and a copy of the visible variables.</summary>
public sealed record ServiceTaskContext(Guid InstanceId, string? BusinessKey, string ElementId, string Topic, int Attempt, JsonObject Variables)
{
    public string? GetString(string name) => Variables[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Variables[name]?.ToString();
}

/// <summary>Variables to set when the task completes (JSON-serialisable values).</summary>
public sealed record ServiceTaskResult(IReadOnlyDictionary<string, object?>? Variables = null)
{
    public static ServiceTaskResult Empty { get; } = new();
}

/// <summary>A business error: caught by an error boundary event whose error code is <see cref="ErrorCode"/>.</summary>
public sealed class BpmnErrorException(string errorCode, string? message = null) : Exception(message ?? $"BPMN error {errorCode}")
{
    public string ErrorCode { get; } = errorCode;
}
