using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Procedures;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Workflows.Instances;
using NetworkCenter.Workflows.Localization;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// What a change of a clue's handling procurator means for its procedures. While clue intake waits for its
/// "Assign a handling procurator" task, or is still recording what that task decided, the assignment is the procedure's
/// to make (it records the assignment and tells the liaison): a correction may not go around it. Afterwards, the
/// clue's open tasks held by the previous procurator go to the new one, and so do the procedures' <c>procurator</c>
/// variables that later tasks and letters read, through the engine and in the correction's own transaction.
/// </summary>
internal sealed class ClueTaskHandOver(TaskCommands tasks, InstanceVariableCommands variables)
{
    public const string AssignmentTask = "AssignProcurator";

    /// <summary>Clue intake's service task that writes what the assignment task decided onto the clue.</summary>
    public const string RecordAssignment = "RecordAssignment";

    private sealed record ClueInstance(Guid Id, string DefinitionKey);

    /// <summary>The clue's running instances, locked; taken before the clue's row, as every engine command locks instances first.</summary>
    public sealed record Locked(IReadOnlyList<(InstanceState State, string DefinitionKey)> Instances)
    {
        public bool AnyRunning => Instances.Count > 0;
    }

    /// <summary>
    /// Locks the running instances whose business key is the clue and the procedures they called (a call activity
    /// starts its instance without a business key), parents before children: the engine's lock order, and a parent's
    /// lock keeps its set of called instances still. Holding them, the correction and a completion of the assignment
    /// task (or the service task recording it, or a call activity starting) are serialised: whichever comes second
    /// sees what the first committed.
    /// </summary>
    public static async Task<Locked> LockAsync(CommandContext context, long clueId)
    {
        var locked = new List<(InstanceState, string)>();
        var level = (await context.QueryAsync<ClueInstance>("""
            select i.id as Id, d.key as DefinitionKey from engine.instances i join engine.definitions d on d.id = i.definition_id
            where i.business_key = @businessKey and i.ended_at is null order by i.id
            """, new { businessKey = Key(clueId) })).ToList();
        while (level.Count > 0)
        {
            foreach (var instance in level)
            {
                if (await context.LockInstanceAsync(instance.Id) is { IsEnded: false } state)
                {
                    locked.Add((state, instance.DefinitionKey));
                }
            }
            level = [.. await context.QueryAsync<ClueInstance>("""
                select i.id as Id, d.key as DefinitionKey from engine.instances i join engine.definitions d on d.id = i.definition_id
                where i.parent_instance_id = any(@parents) and i.ended_at is null order by i.id
                """, new { parents = level.Select(i => i.Id).ToArray() })];
        }
        return new Locked(locked);
    }

    /// <summary>Why the procurator may not be set now (clue intake has the assignment in hand), or null when it may.</summary>
    public static async Task<ServerMessage?> RefusalAsync(CommandContext context, Locked locked)
    {
        foreach (var (state, key) in locked.Instances.Where(i => i.DefinitionKey == StartClueIntake.DefinitionKey))
        {
            if (state.Executions.Any(e => e.ElementId == RecordAssignment))
            {
                return ClueMessages.AssignmentBeingRecorded();
            }
            if (state.Executions.Any(e => e.ElementId == AssignmentTask))
            {
                var open = await context.QuerySingleOrDefaultAsync<(Guid Id, string? Name)?>(
                    "select id, name from engine.tasks where instance_id = @instance and element_id = @AssignmentTask and status = 'open' limit 1",
                    new { instance = state.Id, AssignmentTask });
                return ClueMessages.AssignmentTaskOpen(open?.Name ?? AssignmentTask, open?.Id);
            }
        }
        return null;
    }

    /// <summary>
    /// Gives the open tasks of the clue's procedures assigned to the previous procurator to the new one, and sets
    /// <c>procurator</c>, <c>procuratorName</c> and <c>procuratorPhone</c> in every locked instance where they name the
    /// previous one, so the tasks and letters created afterwards are the new one's; returns the tasks handed over.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> HandOverAsync(CommandContext context, Locked locked, long previousStaffId, long newStaffId, CurrentUser user)
    {
        var previous = await ProcedureQueries.StaffByIdAsync(context.Connection, context.Transaction, previousStaffId);
        var next = await ProcedureQueries.StaffByIdAsync(context.Connection, context.Transaction, newStaffId);
        if (previous is null || next is null)
        {
            return [];
        }
        foreach (var (state, _) in locked.Instances)
        {
            if (state.Variables["procurator"] is JsonValue value && value.TryGetValue<string>(out var held)
                && string.Equals(held, previous.Username, StringComparison.OrdinalIgnoreCase))
            {
                await variables.SetInAsync(context, state.Id, new JsonObject
                {
                    ["procurator"] = next.Username,
                    ["procuratorName"] = next.Name,
                    ["procuratorPhone"] = next.Phone,
                }, user.Username);
            }
        }
        var ids = locked.Instances.Select(i => i.State.Id).ToArray();
        var tasksHeld = (await context.QueryAsync<Guid>("""
            select id from engine.tasks where instance_id = any(@ids) and status = 'open' and lower(assignee) = lower(@previous)
            order by created_at, id
            """, new { ids, previous = previous.Username })).ToList();
        var actor = new Actor(user.Username, new HashSet<string>(user.Roles, StringComparer.Ordinal));
        foreach (var taskId in tasksHeld)
        {
            // The task's instance is locked already: it is still open.
            await tasks.AssignInAsync(context, taskId, next.Username, actor);
        }
        return tasksHeld;
    }

    private static string Key(long clueId) => clueId.ToString(CultureInfo.InvariantCulture);
}
