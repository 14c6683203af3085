using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>The first outgoing flow (document order) whose condition holds, else the default flow, else an incident.</summary>
internal sealed class ExclusiveGatewayBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        var gateway = (Gateway)node;
        var scope = run.Scope(execution);
        var flows = run.Model.OutgoingFlows(node.Id).ToList();
        var chosen = flows.FirstOrDefault(f => f.Id != gateway.DefaultFlowId && (f.Condition is null || run.Services.Expressions.IsTrue(f.Condition, scope)))
            ?? (gateway.DefaultFlowId is { } defaultId ? run.Model.Flows[defaultId] : null);
        if (chosen is null)
        {
            throw new IncidentException($"No condition of exclusive gateway '{node.Id}' holds and it has no default flow.");
        }
        run.Context.Journal(run.Instance.Id, "element-left", node.Id, new() { ["flow"] = chosen.Id });
        run.Fork(execution, [chosen]);
        return Task.CompletedTask;
    }
}
