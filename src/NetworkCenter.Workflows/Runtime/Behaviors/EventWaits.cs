using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>Creates the timer or message subscription an event waits on, owned by the given execution.</summary>
internal static class EventWaits
{
    public static async Task CreateAsync(ProcessRun run, Execution owner, EventNode node, string timerKind)
    {
        switch (node.Definition)
        {
            case TimerEventDefinition:
                if (await Deadlines.TimerAsync(run, owner, node) is { } due)
                {
                    await run.Waits.CreateTimerAsync(owner, node.Id, timerKind, due.Due, due.Cycle);
                }
                break;
            case MessageEventDefinition message:
                var name = message.MessageName ?? message.MessageRef
                    ?? throw new IncidentException($"Message event '{node.Id}' names no message.");
                name = run.Services.Expressions.EvaluateString(name, run.Scope(owner)) ?? name;
                await run.Waits.CreateSubscriptionAsync(owner, node.Id, name);
                break;
        }
    }
}

/// <summary>Intermediate timer or message catch: the token waits for its trigger.</summary>
internal sealed class IntermediateCatchEventBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node) =>
        EventWaits.CreateAsync(run, execution, (EventNode)node, "intermediate");
}

/// <summary>Waits on the catch events after it; the first to fire wins and the others are cancelled.</summary>
internal sealed class EventBasedGatewayBehavior : IElementBehavior
{
    public async Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        foreach (var flow in run.Model.OutgoingFlows(node.Id))
        {
            if (run.Model.Elements[flow.TargetId] is IntermediateCatchEvent target)
            {
                await EventWaits.CreateAsync(run, execution, target, "event-gateway");
            }
        }
    }

    /// <summary>One of the events fired: the token moves onto it, and leaves it.</summary>
    public static async Task TriggerAsync(ProcessRun run, Execution execution, string eventId)
    {
        await run.CancelAsync(execution, includeSelf: true);
        run.Context.Journal(run.Instance.Id, "element-left", execution.ElementId);
        execution.ElementId = eventId;
        run.Context.Journal(run.Instance.Id, "element-entered", eventId, new() { ["kind"] = "intermediateCatchEvent" });
        run.Leave(execution);
    }
}

/// <summary>
/// Boundary timers and messages wait from the moment their activity is entered until it is left. Interrupting: the
/// activity (and everything in it) ends and its token leaves through the boundary event. Non-interrupting: a new
/// token leaves through it and the activity goes on.
/// </summary>
internal static class BoundaryEventBehavior
{
    public static async Task AttachAsync(ProcessRun run, Execution execution, Activity activity)
    {
        foreach (var boundary in run.Model.BoundaryEventsOf(activity.Id))
        {
            if (boundary.Definition is TimerEventDefinition or MessageEventDefinition)
            {
                await EventWaits.CreateAsync(run, execution, boundary, boundary.CancelActivity ? "boundary" : "boundary-non-interrupting");
            }
        }
    }

    public static async Task TriggerAsync(ProcessRun run, Execution attached, BoundaryEvent boundary)
    {
        if (boundary.CancelActivity)
        {
            await run.CancelAsync(attached, includeSelf: true);
            run.Context.Journal(run.Instance.Id, "element-left", attached.ElementId, new() { ["interruptedBy"] = boundary.Id });
            attached.Kind = ExecutionKind.Token;
            attached.State = ExecutionState.Active;
            attached.Variables = [];
            attached.LoopCounter = null;
            attached.ElementId = boundary.Id;
            run.Context.Journal(run.Instance.Id, "element-entered", boundary.Id, new() { ["kind"] = boundary.Kind });
            run.Leave(attached);
            return;
        }
        var token = run.NewExecution(attached.ParentId, boundary.Id, ExecutionKind.Token);
        run.Context.Journal(run.Instance.Id, "element-entered", boundary.Id, new() { ["kind"] = boundary.Kind });
        run.Leave(token);
    }
}

/// <summary>A BPMN error goes up the scopes to the nearest error boundary event that catches its code; uncaught, it is an incident.</summary>
internal static class ErrorPropagation
{
    public static Task ThrowAsync(ProcessRun run, Execution from, string code)
    {
        for (var current = from; current is not null; current = current.ParentId is { } p ? run.Instance.Find(p) : null)
        {
            if (current.Kind == ExecutionKind.Inner || current.ElementId is null || !run.Model.Elements.TryGetValue(current.ElementId, out var node))
            {
                continue;
            }
            var catcher = run.Model.BoundaryEventsOf(node.Id)
                .FirstOrDefault(b => b.Error is { } e && (e.ErrorCode == code || (e.ErrorCode is null && e.ErrorRef is null)));
            if (catcher is not null)
            {
                run.Context.Journal(run.Instance.Id, "error-caught", catcher.Id, new() { ["errorCode"] = code });
                return BoundaryEventBehavior.TriggerAsync(run, current, catcher);
            }
        }
        throw new IncidentException($"BPMN error '{code}' was thrown and no error boundary event catches it.");
    }
}
