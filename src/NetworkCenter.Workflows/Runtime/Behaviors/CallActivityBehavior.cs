using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>
/// Starts the latest version of the called process in the same transaction, passing <c>camunda:in</c> variables;
/// the token waits until the called instance ends, then takes its <c>camunda:out</c> variables (see <c>Resume</c>).
/// </summary>
internal sealed class CallActivityBehavior : IElementBehavior
{
    public async Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        var call = (CallActivity)node;
        var scope = run.Scope(execution);
        var key = run.Services.Expressions.EvaluateString(call.CalledElement, scope)
            ?? throw new IncidentException($"Call activity '{call.Id}' names no process.");
        var definitionId = await run.Context.QuerySingleOrDefaultAsync<Guid?>(
            "select id from engine.definitions where key = @key order by version desc limit 1", new { key })
            ?? throw new IncidentException($"Call activity '{call.Id}' calls '{key}', which is not deployed.");
        var variables = new JsonObject();
        string? businessKey = null;
        foreach (var mapping in call.In)
        {
            if (mapping.BusinessKey is { } expression)
            {
                businessKey = run.Services.Expressions.EvaluateString(expression, scope);
                continue;
            }
            Copy(run, mapping, scope, execution, variables);
        }
        await run.Services.StartAsync(run.Context, definitionId, businessKey, variables, null, run.Instance.Id, execution.Id);
    }

    /// <summary>The called instance ended: copy its <c>camunda:out</c> variables into the caller and move on.</summary>
    public static async Task ResumeAsync(ProcessRun run, Execution execution, Guid calledInstanceId)
    {
        var call = (CallActivity)run.Model.Elements[execution.ElementId!];
        var json = await run.Context.QuerySingleOrDefaultAsync<string>(
            "select variables::text from engine.instances where id = @calledInstanceId", new { calledInstanceId });
        var called = new VariableScope(new InstanceState
        {
            Id = calledInstanceId,
            DefinitionId = Guid.Empty,
            Status = InstanceStatus.Completed,
            Variables = Persistence.InstanceStore.ParseObject(json),
        }, null);
        var target = run.Scope(execution);
        var values = new JsonObject();
        foreach (var mapping in call.Out)
        {
            Copy(run, mapping, called, null, values);
        }
        target.SetAll(values);
        run.Leave(execution);
    }

    private static void Copy(ProcessRun run, VariableMapping mapping, VariableScope from, Execution? local, JsonObject into)
    {
        if (mapping.AllVariables)
        {
            var all = mapping.Local && local is not null ? local.Variables : from.Snapshot();
            foreach (var (name, value) in all)
            {
                into[name] = value?.DeepClone();
            }
            return;
        }
        var target = mapping.Target ?? mapping.Source;
        if (target is null)
        {
            return;
        }
        into[target] = mapping.SourceExpression is { } expression
            ? run.Services.Expressions.Evaluate(expression, from)
            : from.Get(mapping.Source!)?.DeepClone();
    }
}
