namespace NetworkCenter.Workflows.Model;

public enum TimerKind
{
    /// <summary><c>timeDate</c>: an ISO 8601 date-time.</summary>
    Date,

    /// <summary><c>timeDuration</c>: an ISO 8601 duration from when the timer is created.</summary>
    Duration,

    /// <summary><c>timeCycle</c>: an ISO 8601 repeating interval (<c>R/P7D</c>, <c>R3/P1D</c>, <c>R3/2026-01-01T00:00:00Z/P1D</c>).</summary>
    Cycle,
}

/// <summary>The trigger of an event; null on an event means a none event.</summary>
public abstract record EventDefinition;

/// <summary><see cref="Value"/> is the text of the definition, possibly an expression (<c>${reminder}</c>).</summary>
public sealed record TimerEventDefinition(TimerKind Kind, string Value) : EventDefinition
{
    public bool IsExpression => Value.Contains("${", StringComparison.Ordinal) || Value.Contains("#{", StringComparison.Ordinal);
}

/// <summary><see cref="MessageName"/> is the referenced <c>bpmn:message</c>'s name (what correlation matches on).</summary>
public sealed record MessageEventDefinition(string? MessageRef, string? MessageName) : EventDefinition;

/// <summary>
/// On a boundary event: catches the <c>bpmn:error</c> whose <c>errorCode</c> is <see cref="ErrorCode"/>, or every error
/// when both are null. On an end event: throws it.
/// </summary>
public sealed record ErrorEventDefinition(string? ErrorRef, string? ErrorCode) : EventDefinition;

/// <summary>On an end event: ends every token of the enclosing scope.</summary>
public sealed record TerminateEventDefinition : EventDefinition;

public abstract record EventNode : FlowNode
{
    public EventDefinition? Definition { get; init; }

    public TimerEventDefinition? Timer => Definition as TimerEventDefinition;

    public MessageEventDefinition? Message => Definition as MessageEventDefinition;
}

public sealed record StartEvent : EventNode
{
    public override string Kind => "startEvent";

    public string? FormKey { get; init; }

    /// <summary><c>camunda:initiator</c>: the variable that receives the starting user's id.</summary>
    public string? Initiator { get; init; }
}

public sealed record EndEvent : EventNode
{
    public override string Kind => "endEvent";

    public bool IsTerminate => Definition is TerminateEventDefinition;

    /// <summary>A message end event sends through an external-task handler, like a send task.</summary>
    public string? Topic { get; init; }
}

public sealed record IntermediateCatchEvent : EventNode
{
    public override string Kind => "intermediateCatchEvent";
}

public sealed record BoundaryEvent : EventNode
{
    public override string Kind => "boundaryEvent";

    public required string AttachedToId { get; init; }

    /// <summary><c>cancelActivity</c>, default true: an interrupting event ends the activity it is attached to.</summary>
    public bool CancelActivity { get; init; } = true;

    public ErrorEventDefinition? Error => Definition as ErrorEventDefinition;
}
