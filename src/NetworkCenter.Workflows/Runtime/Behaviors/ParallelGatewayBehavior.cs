using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>Joins when as many tokens have arrived as there are incoming flows, then forks on every outgoing flow.</summary>
internal sealed class ParallelGatewayBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            execution.State = ExecutionState.Joining;
            var arrived = JoinedAt(run, execution, node).ToList();
            if (arrived.Count < node.Incoming.Count)
            {
                return Task.CompletedTask;
            }
            foreach (var other in arrived.Where(e => e != execution).Take(node.Incoming.Count - 1))
            {
                run.RemoveTree(other);
            }
            execution.State = ExecutionState.Active;
        }
        run.Context.Journal(run.Instance.Id, "element-left", node.Id);
        var outgoing = run.Model.OutgoingFlows(node.Id).ToList();
        if (outgoing.Count == 0)
        {
            run.EndToken(execution);
            return Task.CompletedTask;
        }
        run.Fork(execution, outgoing);
        return Task.CompletedTask;
    }

    public static IEnumerable<Execution> JoinedAt(ProcessRun run, Execution execution, FlowNode node) =>
        run.Instance.Executions
            .Where(e => e.ParentId == execution.ParentId && e.ElementId == node.Id && e.State == ExecutionState.Joining)
            .OrderBy(e => e.Sequence);
}
