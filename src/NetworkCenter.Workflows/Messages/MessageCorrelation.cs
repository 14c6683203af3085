using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Messages;

/// <summary>What a correlated message did: continued a waiting instance, or started one by a message start event.</summary>
public sealed record CorrelationResult(Guid InstanceId, bool Started);

/// <summary>
/// Delivers a message by name to the oldest subscription that matches the business key or instance id, under the
/// instance's lock; failing that, to a message start event of the latest version. Nothing waiting: not found.
/// </summary>
internal sealed class MessageCorrelation(CommandRunner commands, RuntimeServices runtime)
{
    private sealed record SubscriptionRow(Guid Id, Guid? InstanceId, Guid? ExecutionId, Guid? DefinitionId, string ElementId);

    public Task<CorrelationResult> CorrelateAsync(string name, string? businessKey, Guid? instanceId, JsonObject? variables, string? user, CancellationToken cancellationToken) =>
        commands.RunAsync(user, async context =>
        {
            // A subscription can vanish between finding it and locking its instance; then look again.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var candidate = await context.QuerySingleOrDefaultAsync<SubscriptionRow>(
                    """
                    select id, instance_id as instanceid, execution_id as executionid, definition_id as definitionid, element_id as elementid
                    from engine.message_subscriptions
                    where name = @name and instance_id is not null
                      and (@instanceId::uuid is null or instance_id = @instanceId) and (@businessKey::text is null or business_key = @businessKey)
                    order by created_at, id limit 1
                    """, new { name, instanceId, businessKey });
                if (candidate is null)
                {
                    break;
                }
                var run = await runtime.OpenAsync(context, candidate.InstanceId!.Value);
                var deleted = await context.ExecuteAsync("delete from engine.message_subscriptions where id = @id", new { id = candidate.Id });
                if (run is null || deleted == 0 || run.Instance.Find(candidate.ExecutionId!.Value) is not { } execution)
                {
                    continue;
                }
                context.Journal(run.Instance.Id, "message-correlated", candidate.ElementId, new JsonObject
                {
                    ["name"] = name,
                    ["variables"] = variables?.DeepClone() ?? new JsonObject(),
                });
                run.Scope(null).SetAll(variables);
                await TimerFiring.TriggerEventAsync(run, execution, candidate.ElementId);
                await run.RunAsync();
                return new CorrelationResult(run.Instance.Id, Started: false);
            }
            if (instanceId is null)
            {
                var start = await context.QuerySingleOrDefaultAsync<SubscriptionRow>(
                    """
                    select s.id, s.instance_id as instanceid, s.execution_id as executionid, s.definition_id as definitionid, s.element_id as elementid
                    from engine.message_subscriptions s join engine.definitions d on d.id = s.definition_id
                    where s.name = @name and s.instance_id is null order by d.version desc limit 1
                    """, new { name });
                if (start is not null)
                {
                    var state = await runtime.StartAsync(context, start.DefinitionId!.Value, businessKey, variables, start.ElementId);
                    context.Journal(state.Id, "message-correlated", start.ElementId, new JsonObject { ["name"] = name });
                    return new CorrelationResult(state.Id, Started: true);
                }
            }
            throw EngineException.NotFound(EngineMessages.NothingWaits(name, businessKey, instanceId));
        }, cancellationToken);
}
