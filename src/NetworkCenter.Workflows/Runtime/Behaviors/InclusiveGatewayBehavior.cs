using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>
/// Forks on every flow whose condition holds (else the default, else an incident). Joins as Camunda 7 does: the
/// arrived tokens wait while any other token of the scope could still reach the gateway, loops included; the check
/// runs on arrival and again whenever the run settles, since a token ending elsewhere can release the join.
/// </summary>
internal sealed class InclusiveGatewayBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        if (node.Incoming.Count > 1)
        {
            execution.State = ExecutionState.Joining;
            if (!CanActivate(run, execution.ParentId, node))
            {
                return Task.CompletedTask;
            }
            Merge(run, execution, node);
        }
        return ForkAsync(run, execution, node);
    }

    /// <summary>Activates every waiting inclusive join no token can reach any more; true when one was activated.</summary>
    public static async Task<bool> ActivateWaitingJoinsAsync(ProcessRun run)
    {
        var waiting = run.Instance.Executions
            .Where(e => e.State == ExecutionState.Joining && e.ElementId is { } id && run.Model.Elements[id] is InclusiveGateway)
            .OrderBy(e => e.Sequence)
            .ToList();
        foreach (var execution in waiting)
        {
            var node = run.Model.Elements[execution.ElementId!];
            if (run.IsAlive(execution) && CanActivate(run, execution.ParentId, node))
            {
                Merge(run, execution, node);
                await ForkAsync(run, execution, node);
                return true;
            }
        }
        return false;
    }

    private static void Merge(ProcessRun run, Execution execution, FlowNode node)
    {
        foreach (var other in ParallelGatewayBehavior.JoinedAt(run, execution, node).Where(e => e != execution).ToList())
        {
            run.RemoveTree(other);
        }
        execution.State = ExecutionState.Active;
    }

    private static async Task ForkAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        try
        {
            await run.TakeOutgoingAsync(execution, node);
        }
        catch (IncidentException e)
        {
            await run.RaiseIncidentAsync(execution, node.Id, e.Message, jobId: null);
        }
    }

    private static bool CanActivate(ProcessRun run, Guid? scopeId, FlowNode gateway) =>
        !run.Instance.Executions
            .Where(e => e.ParentId == scopeId && e.ElementId is not null)
            .Where(e => !(e.ElementId == gateway.Id && e.State == ExecutionState.Joining))
            .Any(e => CanReach(run.Model, e.ElementId!, gateway.Id));

    /// <summary>Whether a token on <paramref name="from"/> can still arrive at <paramref name="target"/> along flows or boundary events.</summary>
    public static bool CanReach(ProcessDefinitionModel model, string from, string target)
    {
        var seen = new HashSet<string> { from };
        var pending = new Queue<string>([from]);
        while (pending.TryDequeue(out var current))
        {
            var next = model.OutgoingFlows(current).Select(f => f.TargetId)
                .Concat(model.BoundaryEventsOf(current).Select(b => b.Id));
            foreach (var id in next)
            {
                if (id == target)
                {
                    return true;
                }
                if (seen.Add(id))
                {
                    pending.Enqueue(id);
                }
            }
        }
        return false;
    }
}
