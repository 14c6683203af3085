using System.Text.Json.Nodes;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>What an execution stands for in the tree of an instance.</summary>
internal enum ExecutionKind
{
    /// <summary>The root: the process scope itself.</summary>
    Process,

    /// <summary>A token at an element; when that element is a sub-process it is also the sub-process's scope.</summary>
    Token,

    /// <summary>The multi-instance body around an activity; its children are the inner instances.</summary>
    MultiInstance,

    /// <summary>One inner instance of a multi-instance body.</summary>
    Inner,
}

internal enum ExecutionState
{
    Active,

    /// <summary>Arrived at a joining gateway, waiting for the others.</summary>
    Joining,
}

/// <summary>One node of an instance's execution tree; mutable, and only ever touched inside one command.</summary>
internal sealed class Execution
{
    /// <summary>Renewed each time the token enters an element, so rows left by an earlier element never match it again.</summary>
    public required Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public string? ElementId { get; set; }
    public ExecutionKind Kind { get; set; }
    public ExecutionState State { get; set; }
    public JsonObject Variables { get; set; } = [];
    public int? LoopCounter { get; set; }

    /// <summary>Creation order, so that "first" means the same after a reload.</summary>
    public long Sequence { get; set; }
}
