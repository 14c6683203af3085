using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Workflows.Calendar;
using NetworkCenter.Workflows.Deployment;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>What every run needs beyond its instance: expressions, parsed definitions, the calendar, starting and ending instances.</summary>
internal sealed class RuntimeServices(ExpressionRunner expressions, DefinitionCache definitions, IServiceProvider services)
{
    public ExpressionRunner Expressions { get; } = expressions;
    public DefinitionCache Definitions { get; } = definitions;

    public ILegalCalendar Calendar => services.GetService<ILegalCalendar>()
        ?? throw new IncidentException("calendar=legal needs the legal calendar, and none is registered.");

    /// <summary>Locks the instance and prepares a run over it; null when there is no such instance.</summary>
    public async Task<ProcessRun?> OpenAsync(CommandContext context, Guid instanceId)
    {
        var state = await context.LockInstanceAsync(instanceId);
        if (state is null)
        {
            return null;
        }
        var model = await Definitions.GetModelAsync(state.DefinitionId, context.Connection);
        return new ProcessRun(context, state, model, this);
    }

    public async Task<InstanceState> StartAsync(
        CommandContext context, Guid definitionId, string? businessKey, JsonObject? variables, string? startEventId,
        Guid? parentInstanceId = null, Guid? parentExecutionId = null)
    {
        var model = await Definitions.GetModelAsync(definitionId, context.Connection);
        var start = startEventId is not null
            ? model.Get<StartEvent>(startEventId)
            : model.StartEvents.FirstOrDefault(s => s.Definition is null)
              ?? throw EngineException.Invalid(EngineMessages.NoNoneStartEvent(model.Id));
        var state = new InstanceState
        {
            Id = Guid.CreateVersion7(),
            DefinitionId = definitionId,
            BusinessKey = businessKey,
            Status = InstanceStatus.Active,
            Variables = variables?.DeepClone().AsObject() ?? [],
            ParentInstanceId = parentInstanceId,
            ParentExecutionId = parentExecutionId,
        };
        if (start.Initiator is { } initiator && context.User is { } user)
        {
            state.Variables[initiator] = user;
        }
        await context.AddInstanceAsync(state);
        context.Journal(state.Id, "instance-started", start.Id, new JsonObject
        {
            ["businessKey"] = businessKey,
            ["variables"] = state.Variables.DeepClone(),
        });
        var run = new ProcessRun(context, state, model, this);
        var root = run.NewExecution(null, model.Id, ExecutionKind.Process);
        var token = run.NewExecution(root.Id, start.Id, ExecutionKind.Token);
        run.Enter(token, start);
        await run.RunAsync();
        return state;
    }

    /// <summary>Ends a called instance because its call activity in the parent was interrupted or cancelled.</summary>
    public async Task TerminateCalledInstanceAsync(CommandContext context, Guid instanceId)
    {
        var run = await OpenAsync(context, instanceId);
        if (run is null || run.Instance.IsEnded)
        {
            return;
        }
        await run.CancelAsync(run.Instance.Root, includeSelf: true);
        run.Instance.Executions.Clear();
        run.Instance.Status = InstanceStatus.Terminated;
        run.Instance.EndedAt = context.Now;
        context.Journal(instanceId, "instance-terminated", null, new JsonObject { ["reason"] = "the calling activity ended" });
    }
}
