using System.Text.Json.Nodes;

namespace NetworkCenter.Workflows.Runtime;

internal static class InstanceStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Terminated = "terminated";
    public const string Incident = "incident";
}

/// <summary>An instance as one command sees it: loaded under its row lock, changed, then saved (what changed of it).</summary>
internal sealed class InstanceState
{
    public required Guid Id { get; init; }
    public required Guid DefinitionId { get; init; }
    public string? BusinessKey { get; init; }
    public required string Status { get; set; }
    public JsonObject Variables { get; set; } = [];
    public Guid? ParentInstanceId { get; init; }
    public Guid? ParentExecutionId { get; init; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<Execution> Executions { get; } = [];

    public bool IsEnded => Status is InstanceStatus.Completed or InstanceStatus.Terminated;

    public Execution Root => Executions.First(e => e.Kind == ExecutionKind.Process);

    public Execution? Find(Guid id) => Executions.Find(e => e.Id == id);

    public IEnumerable<Execution> ChildrenOf(Execution parent) =>
        Executions.Where(e => e.ParentId == parent.Id).OrderBy(e => e.Sequence);

    public IEnumerable<Execution> DescendantsOf(Execution parent)
    {
        foreach (var child in ChildrenOf(parent).ToList())
        {
            yield return child;
            foreach (var grandchild in DescendantsOf(child))
            {
                yield return grandchild;
            }
        }
    }

    /// <summary>What the database holds for this instance, as of its load or last save: only differences are written.</summary>
    internal StoredInstance? Stored { get; set; }

    public long NextSequence() => Executions.Count == 0 ? 1 : Executions.Max(e => e.Sequence) + 1;
}

/// <summary>Fingerprints of an instance's row and of each execution row, as stored.</summary>
internal sealed record StoredInstance(string Row, Dictionary<Guid, string> Executions);
