using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>What an element does when a token arrives on it.</summary>
internal interface IElementBehavior
{
    Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node);
}

internal static class ElementBehaviors
{
    private static readonly PassThroughBehavior PassThrough = new();
    private static readonly EndEventBehavior End = new();
    private static readonly UserTaskBehavior User = new();
    private static readonly ExternalTaskBehavior External = new();
    private static readonly ScriptTaskBehavior Script = new();
    private static readonly SubProcessBehavior Sub = new();
    private static readonly CallActivityBehavior Call = new();
    private static readonly ExclusiveGatewayBehavior Exclusive = new();
    private static readonly ParallelGatewayBehavior Parallel = new();
    private static readonly InclusiveGatewayBehavior Inclusive = new();
    private static readonly EventBasedGatewayBehavior EventBased = new();
    private static readonly IntermediateCatchEventBehavior Catch = new();

    public static IElementBehavior For(FlowNode node) => node switch
    {
        StartEvent or PassThroughTask => PassThrough,
        EndEvent => End,
        UserTask => User,
        ExternalWorkActivity => External,
        ScriptTask => Script,
        SubProcess => Sub,
        CallActivity => Call,
        ExclusiveGateway => Exclusive,
        ParallelGateway => Parallel,
        InclusiveGateway => Inclusive,
        EventBasedGateway => EventBased,
        IntermediateCatchEvent => Catch,
        _ => throw new IncidentException($"Element '{node.Id}' ({node.Kind}) cannot be executed."),
    };
}

/// <summary>Start events and plain tasks: the token goes straight on.</summary>
internal sealed class PassThroughBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        run.Leave(execution);
        return Task.CompletedTask;
    }
}

/// <summary>None end: the token goes. Terminate: every token of the scope goes. Error: thrown to the enclosing scopes. With a topic: sent first.</summary>
internal sealed class EndEventBehavior : IElementBehavior
{
    public async Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        var end = (EndEvent)node;
        switch (end.Definition)
        {
            case TerminateEventDefinition:
                await run.TerminateScopeAsync(execution);
                return;
            case ErrorEventDefinition error:
                await ErrorPropagation.ThrowAsync(run, execution, error.ErrorCode ?? error.ErrorRef ?? "");
                return;
            case MessageEventDefinition when end.Topic is not null:
                await run.Waits.CreateJobAsync(run.Instance.Id, execution.Id, end.Id, JobKinds.Service, end.Topic);
                return;
            default:
                run.EndToken(execution);
                return;
        }
    }
}

/// <summary>Script task: runs its JavaScript over the variables, then moves on.</summary>
internal sealed class ScriptTaskBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        run.Services.Expressions.RunScript((ScriptTask)node, run.Scope(execution));
        run.Leave(execution);
        return Task.CompletedTask;
    }
}

/// <summary>Service and send tasks: a job row, run by Hangfire after commit through the handler of the topic.</summary>
internal sealed class ExternalTaskBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node) =>
        run.Waits.CreateJobAsync(run.Instance.Id, execution.Id, node.Id, JobKinds.Service, ((ExternalWorkActivity)node).Topic);
}

/// <summary>An embedded sub-process: the execution becomes the scope, and a token starts at its start event.</summary>
internal sealed class SubProcessBehavior : IElementBehavior
{
    public Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        var sub = (SubProcess)node;
        if (sub.StartEventIds.Count == 0)
        {
            throw new IncidentException($"Sub-process '{sub.Id}' has no start event.");
        }
        var token = run.NewExecution(execution.Id, sub.StartEventIds[0], ExecutionKind.Token);
        run.Enter(token, run.Model.Elements[sub.StartEventIds[0]]);
        return Task.CompletedTask;
    }
}
