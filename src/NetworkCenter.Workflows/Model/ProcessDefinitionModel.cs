namespace NetworkCenter.Workflows.Model;

/// <summary>A <c>bpmn:message</c>: correlation matches on <see cref="Name"/>.</summary>
public sealed record MessageDefinition(string Id, string? Name);

/// <summary>A <c>bpmn:error</c>: error boundary events match on <see cref="ErrorCode"/>.</summary>
public sealed record ErrorDefinition(string Id, string? Name, string? ErrorCode);

/// <summary>
/// One parsed <c>bpmn:process</c>, immutable, built once per deployed version. <see cref="Id"/> is the definition key.
/// </summary>
public sealed record ProcessDefinitionModel
{
    public required string Id { get; init; }

    public string Key => Id;

    public string? Name { get; init; }

    public bool IsExecutable { get; init; }

    /// <summary>Every flow node of the process, nested ones included, by id.</summary>
    public required IReadOnlyDictionary<string, FlowNode> Elements { get; init; }

    /// <summary>Every sequence flow of the process, nested ones included, by id.</summary>
    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    /// <summary>The start events at the process level (not those of sub-processes), in document order.</summary>
    public IReadOnlyList<StartEvent> StartEvents { get; init; } = [];

    /// <summary>The messages and errors of the whole file, by id.</summary>
    public IReadOnlyDictionary<string, MessageDefinition> Messages { get; init; } = new Dictionary<string, MessageDefinition>();

    public IReadOnlyDictionary<string, ErrorDefinition> Errors { get; init; } = new Dictionary<string, ErrorDefinition>();

    /// <summary>Elements the parser refused (already reported), so the validator does not report flows to them again.</summary>
    public IReadOnlySet<string> RefusedElementIds { get; init; } = new HashSet<string>();

    /// <summary>Direct children of the process, in document order.</summary>
    public IReadOnlyList<string> ChildIds { get; init; } = [];

    /// <summary>The none start event that <c>POST /api/instances</c> starts from, if the process has one.</summary>
    public StartEvent? NoneStartEvent => StartEvents.FirstOrDefault(s => s.Definition is null);

    /// <summary>Timer start events, scheduled on deploy and replaced on redeploy.</summary>
    public IEnumerable<StartEvent> TimerStartEvents => StartEvents.Where(s => s.Timer is not null);

    /// <summary>The message start event that a message of <paramref name="messageName"/> starts, if any.</summary>
    public StartEvent? MessageStartEvent(string messageName) =>
        StartEvents.FirstOrDefault(s => s.Message?.MessageName == messageName);

    public T Get<T>(string elementId) where T : FlowNode => (T)Elements[elementId];

    public IEnumerable<SequenceFlow> OutgoingFlows(string elementId) => Elements[elementId].Outgoing.Select(id => Flows[id]);

    public IEnumerable<SequenceFlow> IncomingFlows(string elementId) => Elements[elementId].Incoming.Select(id => Flows[id]);

    /// <summary>The direct children of a scope: the process when <paramref name="scopeId"/> is null, else a sub-process.</summary>
    public IEnumerable<FlowNode> ChildrenOf(string? scopeId) =>
        (scopeId is null ? ChildIds : Get<SubProcess>(scopeId).ChildIds).Select(id => Elements[id]);

    public IEnumerable<BoundaryEvent> BoundaryEventsOf(string activityId) =>
        Elements[activityId] is Activity activity ? activity.BoundaryEventIds.Select(Get<BoundaryEvent>) : [];
}

/// <summary>A file as deployed: its processes (a collaboration may have several) and everything wrong with it.</summary>
public sealed record BpmnDefinitions(
    IReadOnlyList<ProcessDefinitionModel> Processes,
    IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public IEnumerable<ProcessDefinitionModel> ExecutableProcesses => Processes.Where(p => p.IsExecutable);
}

/// <summary>One reason a file cannot be deployed; <see cref="ElementId"/> is null for file-level problems. <see cref="Message"/>
/// is in the current language and <see cref="Code"/> names the rule (<c>bpmn.invalid</c> for rules with English text only).</summary>
public sealed record DefinitionProblem(string? ElementId, string Message, string Code = "bpmn.invalid")
{
    public DefinitionProblem(string? elementId, Localization.ServerMessage message) : this(elementId, message.Text, message.Code)
    {
    }
}
