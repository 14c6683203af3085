using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Instances;

/// <summary>
/// Sets variables of a running instance from outside its procedure (Camunda's <c>POST /process-instance/{id}/variables</c>
/// in spirit): the instance is locked, each change is journalled with its old and new value and who made it, and the
/// tasks, letters and timers the procedure creates afterwards read the new values. Tasks already created keep theirs.
/// </summary>
internal sealed class InstanceVariableCommands(CommandRunner commands)
{
    /// <summary>Sets <paramref name="variables"/> on the instance, in a transaction of its own; returns the names changed.</summary>
    public Task<IReadOnlyList<string>> SetAsync(Guid instanceId, JsonObject variables, string user, CancellationToken cancellationToken) =>
        commands.RunAsync(user, context => SetInAsync(context, instanceId, variables, user), cancellationToken);

    /// <summary>
    /// Sets <paramref name="variables"/> on the instance (its own scope, as a procedure's <c>execution.setVariable</c>
    /// at the top level) inside a command the caller runs, so a domain change and the variables commit together.
    /// 404 for no such instance, 409 for an ended one. Values equal to the stored ones are left alone and not
    /// journalled; returns the names changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SetInAsync(CommandContext context, Guid instanceId, JsonObject variables, string user)
    {
        var instance = await context.LockInstanceAsync(instanceId)
            ?? throw EngineException.NotFound(EngineMessages.NoInstance(instanceId));
        if (instance.IsEnded)
        {
            throw EngineException.Conflict(EngineMessages.InstanceEnded(instanceId, instance.Status.ToString()));
        }
        var changes = new JsonObject();
        foreach (var (name, value) in variables)
        {
            var before = instance.Variables[name];
            if (JsonNode.DeepEquals(before, value) && instance.Variables.ContainsKey(name))
            {
                continue;
            }
            changes[name] = new JsonObject { ["before"] = before?.DeepClone(), ["after"] = value?.DeepClone() };
            instance.Variables[name] = value?.DeepClone();
        }
        if (changes.Count > 0)
        {
            context.Journal(instance.Id, "variables-set", null, new JsonObject { ["variables"] = changes }, user);
        }
        return [.. changes.Select(c => c.Key)];
    }
}
