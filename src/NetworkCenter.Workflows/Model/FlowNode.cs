namespace NetworkCenter.Workflows.Model;

/// <summary>
/// An element a token can rest on or pass through. Element ids are unique across the whole file, so a process's
/// elements (including those nested in sub-processes) live in one flat map; <see cref="ParentId"/> gives the scope.
/// </summary>
public abstract record FlowNode
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The enclosing sub-process, or null when the element sits directly in the process.</summary>
    public string? ParentId { get; init; }

    /// <summary>Ids of the sequence flows that arrive here, in document order.</summary>
    public IReadOnlyList<string> Incoming { get; init; } = [];

    /// <summary>Ids of the sequence flows that leave here, in document order (the order exclusive gateways test).</summary>
    public IReadOnlyList<string> Outgoing { get; init; } = [];

    /// <summary><c>camunda:properties</c> from the element's extension elements (e.g. <c>calendar=legal</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>The BPMN tag name (<c>userTask</c>, <c>exclusiveGateway</c>, …), for messages and the journal.</summary>
    public abstract string Kind { get; }

    /// <summary>True when <c>camunda:property name="calendar" value="legal"</c> asks for PRC legal-period counting.</summary>
    public bool UsesLegalCalendar =>
        Properties.TryGetValue("calendar", out var calendar) && string.Equals(calendar, "legal", StringComparison.OrdinalIgnoreCase);

    internal static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();
}

/// <summary>An expression as written: <c>${...}</c> (JUEL-like) when <see cref="Language"/> is null, else a script.</summary>
public sealed record ConditionExpression(string Text, string? Language = null)
{
    public bool IsScript => !string.IsNullOrEmpty(Language);
}

public sealed record SequenceFlow
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string SourceId { get; init; }

    public required string TargetId { get; init; }

    /// <summary>Null for an unconditional flow.</summary>
    public ConditionExpression? Condition { get; init; }

    /// <summary>The enclosing sub-process, or null at the process level.</summary>
    public string? ParentId { get; init; }
}
