using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Runtime.Behaviors;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// One command's work on one instance: an agenda of small operations (enter an element, leave it, take flows, check a
/// scope) run until every token rests in a wait state. Behaviours add operations; nothing here touches Hangfire.
/// </summary>
internal sealed partial class ProcessRun(CommandContext context, InstanceState instance, ProcessDefinitionModel model, RuntimeServices services)
{
    private readonly Queue<Func<Task>> _agenda = new();

    public CommandContext Context { get; } = context;
    public InstanceState Instance { get; } = instance;
    public ProcessDefinitionModel Model { get; } = model;
    public RuntimeServices Services { get; } = services;
    public Waits Waits { get; } = new(context, instance);

    public VariableScope Scope(Execution? execution) => new(Instance, execution);

    public async Task RunAsync()
    {
        do
        {
            while (_agenda.TryDequeue(out var operation))
            {
                await operation();
            }
        }
        while (await InclusiveGatewayBehavior.ActivateWaitingJoinsAsync(this));
    }

    public bool IsAlive(Execution execution) => Instance.Executions.Contains(execution);

    public Execution NewExecution(Guid? parentId, string? elementId, ExecutionKind kind)
    {
        var execution = new Execution
        {
            Id = Guid.CreateVersion7(),
            ParentId = parentId,
            ElementId = elementId,
            Kind = kind,
            State = ExecutionState.Active,
            Sequence = Instance.NextSequence(),
        };
        Instance.Executions.Add(execution);
        return execution;
    }

    /// <summary>Enters an element, attaching its boundary events and wrapping it in its multi-instance body first.</summary>
    public void Enter(Execution execution, FlowNode node) => _agenda.Enqueue(() => EnterAsync(execution, node));

    private async Task EnterAsync(Execution execution, FlowNode node)
    {
        if (!IsAlive(execution))
        {
            return;
        }
        Renew(execution);
        execution.ElementId = node.Id;
        execution.State = ExecutionState.Active;
        Context.Journal(Instance.Id, "element-entered", node.Id, new JsonObject { ["kind"] = node.Kind });
        if (node is Activity activity && execution.Kind != ExecutionKind.Inner)
        {
            await BoundaryEventBehavior.AttachAsync(this, execution, activity);
            if (activity.MultiInstance is not null)
            {
                await GuardAsync(execution, node, () => MultiInstanceBehavior.EnterAsync(this, execution, activity));
                return;
            }
        }
        await ExecuteAsync(execution, node);
    }

    /// <summary>Runs the element's own behaviour on an execution that already sits on it.</summary>
    public Task ExecuteAsync(Execution execution, FlowNode node) =>
        GuardAsync(execution, node, () => ElementBehaviors.For(node).ExecuteAsync(this, execution, node));

    public void ExecuteLater(Execution execution, FlowNode node) => _agenda.Enqueue(() => IsAlive(execution) ? ExecuteAsync(execution, node) : Task.CompletedTask);

    private async Task GuardAsync(Execution execution, FlowNode node, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (IncidentException e)
        {
            await RaiseIncidentAsync(execution, node.Id, e.Message, jobId: null);
        }
    }

    /// <summary>A new identity for an execution entering an element (an activity instance, in Camunda's terms).</summary>
    private void Renew(Execution execution)
    {
        var renewed = Guid.CreateVersion7();
        foreach (var child in Instance.ChildrenOf(execution).ToList())
        {
            child.ParentId = renewed;
        }
        execution.Id = renewed;
    }

    /// <summary>The element is done: its waits go, and the token moves on along its outgoing flows.</summary>
    public void Leave(Execution execution) => _agenda.Enqueue(() => LeaveAsync(execution));

    private async Task LeaveAsync(Execution execution)
    {
        if (!IsAlive(execution))
        {
            return;
        }
        var node = Model.Elements[execution.ElementId!];
        await CancelAsync(execution, includeSelf: true);
        Context.Journal(Instance.Id, "element-left", node.Id);
        if (execution.Kind == ExecutionKind.Inner)
        {
            await GuardAsync(execution, node, () => MultiInstanceBehavior.InnerCompletedAsync(this, execution));
            return;
        }
        if (execution.Kind == ExecutionKind.MultiInstance)
        {
            execution.Kind = ExecutionKind.Token;
            execution.Variables = [];
        }
        await GuardAsync(execution, node, () => TakeOutgoingAsync(execution, node));
    }

    /// <summary>
    /// Leaves an activity or event: every unconditional flow and every flow whose condition holds, else the default
    /// flow; several flows fork the token.
    /// </summary>
    public Task TakeOutgoingAsync(Execution execution, FlowNode node)
    {
        var flows = Model.OutgoingFlows(node.Id).ToList();
        if (flows.Count == 0)
        {
            EndToken(execution);
            return Task.CompletedTask;
        }
        var defaultId = node switch { Activity a => a.DefaultFlowId, Gateway g => g.DefaultFlowId, _ => null };
        var scope = Scope(execution);
        var taken = flows.Where(f => f.Id != defaultId && (f.Condition is null || Services.Expressions.IsTrue(f.Condition, scope))).ToList();
        if (taken.Count == 0 && defaultId is not null)
        {
            taken.Add(Model.Flows[defaultId]);
        }
        if (taken.Count == 0)
        {
            throw new IncidentException($"No outgoing sequence flow of '{node.Id}' can be taken: no condition holds and there is no default flow.");
        }
        Fork(execution, taken);
        return Task.CompletedTask;
    }

    /// <summary>Sends the execution along the first flow and a new sibling token along each of the others.</summary>
    public void Fork(Execution execution, IReadOnlyList<SequenceFlow> flows)
    {
        for (var i = 0; i < flows.Count; i++)
        {
            var token = i == 0 ? execution : NewExecution(execution.ParentId, execution.ElementId, ExecutionKind.Token);
            Enter(token, Model.Elements[flows[i].TargetId]);
        }
    }

    /// <summary>A token that reached an end: it goes, and its scope ends when it was the last one.</summary>
    public void EndToken(Execution execution)
    {
        RemoveTree(execution);
        if (execution.ParentId is { } parentId && Instance.Find(parentId) is { } scope)
        {
            _agenda.Enqueue(() => CompleteScopeIfEmptyAsync(scope));
        }
    }

    private Task CompleteScopeIfEmptyAsync(Execution scope)
    {
        if (!IsAlive(scope) || Instance.ChildrenOf(scope).Any())
        {
            return Task.CompletedTask;
        }
        switch (scope.Kind)
        {
            case ExecutionKind.Process:
                return EndInstanceAsync(InstanceStatus.Completed);
            case ExecutionKind.Token or ExecutionKind.Inner:
                Leave(scope);
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends every token of the scope the execution is in; the scope itself then completes.</summary>
    public async Task TerminateScopeAsync(Execution execution)
    {
        var scope = Instance.Find(execution.ParentId!.Value)!;
        await CancelAsync(scope, includeSelf: false);
        foreach (var child in Instance.ChildrenOf(scope).ToList())
        {
            RemoveTree(child);
        }
        if (scope.Kind == ExecutionKind.Process)
        {
            await EndInstanceAsync(InstanceStatus.Terminated);
            return;
        }
        Leave(scope);
    }

    /// <summary>Cancels what an execution (and everything below it) waits on, and removes what is below it.</summary>
    public async Task CancelAsync(Execution execution, bool includeSelf)
    {
        var ids = Instance.DescendantsOf(execution).Select(e => e.Id).ToList();
        if (includeSelf)
        {
            ids.Add(execution.Id);
        }
        await Waits.CancelAsync(ids, TerminateCalledInstanceAsync, ids.Any(MayHoldTaskOrCall));
        foreach (var child in Instance.ChildrenOf(execution).ToList())
        {
            RemoveTree(child);
        }
    }

    /// <summary>
    /// Whether an execution may own an open task or a called instance: only one on a user task (unless this command
    /// completed its task; an execution gets a new id each time it enters an element, so it has one task at most) or
    /// on a call activity can. Anything not understood counts as yes.
    /// </summary>
    private bool MayHoldTaskOrCall(Guid id)
    {
        if (Instance.Find(id) is not { } execution)
        {
            return true;
        }
        if (execution.Kind == ExecutionKind.Process)
        {
            return false;
        }
        if (execution.ElementId is null || !Model.Elements.TryGetValue(execution.ElementId, out var node))
        {
            return true;
        }
        return node switch
        {
            UserTask => execution.Kind == ExecutionKind.MultiInstance || !Context.CompletedTaskOf(id),
            CallActivity => true,
            _ => false,
        };
    }

    public void RemoveTree(Execution execution)
    {
        foreach (var descendant in Instance.DescendantsOf(execution).ToList())
        {
            Instance.Executions.Remove(descendant);
        }
        Instance.Executions.Remove(execution);
    }

    private async Task EndInstanceAsync(string status)
    {
        await CancelAsync(Instance.Root, includeSelf: true);
        Instance.Executions.Clear();
        Instance.Status = status;
        Instance.EndedAt = Context.Now;
        Context.Journal(Instance.Id, status == InstanceStatus.Completed ? "instance-completed" : "instance-terminated");
        await Context.ExecuteAsync(
            "update engine.incidents set resolved_at = @now, resolved_by = @user where instance_id = @id and resolved_at is null",
            new { id = Instance.Id, now = Context.Now, user = Context.User });
        if (Instance.ParentInstanceId is { } parent && Instance.ParentExecutionId is { } parentExecution)
        {
            // The parent continues in its own command: locks are only ever taken parent first, then child.
            await Waits.CreateJobAsync(parent, parentExecution, null, JobKinds.Resume, Instance.Id.ToString());
        }
    }

    private Task TerminateCalledInstanceAsync(Guid childId) => Services.TerminateCalledInstanceAsync(Context, childId);

    public async Task RaiseIncidentAsync(Execution execution, string? elementId, string message, Guid? jobId)
    {
        await Context.ExecuteAsync(
            """
            insert into engine.incidents (id, instance_id, execution_id, element_id, job_id, message, created_at)
            values (@id, @instance, @execution, @elementId, @jobId, @message, @now)
            """,
            new { id = Guid.CreateVersion7(), instance = Instance.Id, execution = execution.Id, elementId, jobId, message, now = Context.Now });
        Instance.Status = InstanceStatus.Incident;
        Context.Journal(Instance.Id, "incident-raised", elementId, new JsonObject { ["message"] = message });
    }
}
