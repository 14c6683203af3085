namespace NetworkCenter.Workflows.Model;

/// <summary>
/// <c>multiInstanceLoopCharacteristics</c>: one inner instance per item of <see cref="Collection"/> (bound to
/// <see cref="ElementVariable"/>) or <see cref="LoopCardinality"/> times, in parallel unless
/// <see cref="IsSequential"/>; ends early when <see cref="CompletionCondition"/> holds. Values may be expressions.
/// </summary>
public sealed record MultiInstanceCharacteristics(
    bool IsSequential,
    string? Collection,
    string? ElementVariable,
    string? LoopCardinality,
    ConditionExpression? CompletionCondition);

public abstract record Activity : FlowNode
{
    /// <summary>The <c>default</c> attribute: the flow taken when no conditional outgoing flow holds.</summary>
    public string? DefaultFlowId { get; init; }

    public MultiInstanceCharacteristics? MultiInstance { get; init; }

    /// <summary>Boundary events attached to this activity, in document order.</summary>
    public IReadOnlyList<string> BoundaryEventIds { get; init; } = [];
}

public sealed record UserTask : Activity
{
    public override string Kind => "userTask";

    /// <summary>The raw values below may be expressions (<c>${participant}</c>); lists are comma separated.</summary>
    public string? Assignee { get; init; }

    public string? CandidateUsers { get; init; }

    public string? CandidateGroups { get; init; }

    /// <summary>An ISO 8601 duration from task creation, an ISO 8601 date-time, or an expression giving either.</summary>
    public string? DueDate { get; init; }

    /// <summary>Same forms as <see cref="DueDate"/>.</summary>
    public string? FollowUpDate { get; init; }

    /// <summary>An integer or an expression.</summary>
    public string? Priority { get; init; }

    public string? FormKey { get; init; }

    /// <summary>Splits a comma-separated list (after any expression has been evaluated to a string).</summary>
    public static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Work done by a handler found by <see cref="Topic"/> (<c>camunda:type="external" camunda:topic="..."</c>), run as a
/// Hangfire job after commit. Java delegates (<c>camunda:class</c>, <c>delegateExpression</c>, <c>expression</c>) are
/// refused by the validator.
/// </summary>
public abstract record ExternalWorkActivity : Activity
{
    public string? Topic { get; init; }

    /// <summary><c>camunda:type</c>; the only supported value is <c>external</c>.</summary>
    public string? ImplementationType { get; init; }

    /// <summary>
    /// <c>camunda:failedJobRetryTimeCycle</c> (e.g. <c>R5/PT5M</c>: five retries five minutes apart), or null for the
    /// engine's default back-off.
    /// </summary>
    public string? RetryTimeCycle { get; init; }
}

public sealed record ServiceTask : ExternalWorkActivity
{
    public override string Kind => "serviceTask";
}

public sealed record SendTask : ExternalWorkActivity
{
    public override string Kind => "sendTask";
}

public sealed record ScriptTask : Activity
{
    public override string Kind => "scriptTask";

    /// <summary><c>scriptFormat</c>; only JavaScript (<c>javascript</c>, <c>js</c>, <c>ecmascript</c>) is supported.</summary>
    public string? ScriptFormat { get; init; }

    public string? Script { get; init; }

    /// <summary><c>camunda:resultVariable</c>: receives the script's completion value.</summary>
    public string? ResultVariable { get; init; }
}

/// <summary>A plain <c>bpmn:task</c> or <c>bpmn:manualTask</c>: the token passes straight through.</summary>
public sealed record PassThroughTask : Activity
{
    public required string TagName { get; init; }

    public override string Kind => TagName;
}

/// <summary>An embedded sub-process: a scope whose elements have this id as their <see cref="FlowNode.ParentId"/>.</summary>
public sealed record SubProcess : Activity
{
    public override string Kind => "subProcess";

    /// <summary>The none start events of the sub-process (a valid one has exactly one).</summary>
    public IReadOnlyList<string> StartEventIds { get; init; } = [];

    /// <summary>Direct children (not grandchildren), in document order.</summary>
    public IReadOnlyList<string> ChildIds { get; init; } = [];
}

/// <summary>
/// <c>camunda:in</c> / <c>camunda:out</c>: copies <see cref="Source"/> (or the value of <see cref="SourceExpression"/>)
/// into <see cref="Target"/>, or every variable when <see cref="AllVariables"/>; <see cref="Local"/> reads only the
/// activity's local scope. <see cref="BusinessKey"/> (only on <c>camunda:in</c>) passes a business key expression.
/// </summary>
public sealed record VariableMapping(
    string? Source,
    string? SourceExpression,
    string? Target,
    bool AllVariables,
    bool Local = false,
    string? BusinessKey = null);

public sealed record CallActivity : Activity
{
    public override string Kind => "callActivity";

    /// <summary>The called process's id (definition key); may be an expression.</summary>
    public string? CalledElement { get; init; }

    /// <summary><c>camunda:calledElementBinding</c>: <c>latest</c> (default), <c>deployment</c>, <c>version</c>.</summary>
    public string? CalledElementBinding { get; init; }

    public string? CalledElementVersion { get; init; }

    public IReadOnlyList<VariableMapping> In { get; init; } = [];

    public IReadOnlyList<VariableMapping> Out { get; init; } = [];
}
