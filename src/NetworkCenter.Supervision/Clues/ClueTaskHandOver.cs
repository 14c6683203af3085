using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// What a change of a clue's handling procurator means for its procedures. While clue intake waits for its
/// "Assign a handling procurator" task, the assignment is that task's to make (it records the assignment and tells the
/// liaison): a correction may not go around it. Afterwards, the clue's open tasks held by the previous procurator go to
/// the new one, through the engine and in the correction's own transaction.
/// </summary>
internal sealed class ClueTaskHandOver(TaskCommands tasks)
{
    public const string AssignmentTask = "AssignProcurator";

    private sealed record OpenTask(Guid Id, string? Name);

    // The instances whose business key is the clue, and the procedures they called (a call activity starts its
    // instance without a business key).
    private const string ClueInstances = """
        with recursive clue_instances (id) as (
            select id from engine.instances where business_key = @businessKey
            union all
            select i.id from engine.instances i join clue_instances c on i.parent_instance_id = c.id)
        """;

    /// <summary>Why the procurator may not be set now, or null when it may.</summary>
    public static async Task<ServerMessage?> RefusalAsync(CommandContext context, long clueId)
    {
        var open = await context.Connection.QueryFirstOrDefaultAsync<OpenTask>("""
            select t.id as Id, t.name as Name from engine.tasks t
            join engine.instances i on i.id = t.instance_id join engine.definitions d on d.id = i.definition_id
            where i.business_key = @businessKey and d.key = @DefinitionKey and t.element_id = @AssignmentTask and t.status = 'open'
            order by t.created_at limit 1
            """, new { businessKey = Key(clueId), StartClueIntake.DefinitionKey, AssignmentTask }, context.Transaction);
        return open is null
            ? null
            : ClueMessages.AssignmentTaskOpen(open.Name ?? AssignmentTask, open.Id);
    }

    /// <summary>Gives the open tasks of the clue's procedures assigned to the previous procurator to the new one; returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> HandOverAsync(CommandContext context, long clueId, long previousStaffId, long newStaffId, CurrentUser user)
    {
        var usernames = (await context.Connection.QueryAsync<(long StaffId, string Username)>("""
            select s.id, a.username from supervision.staff s join supervision.accounts a on a.id = s.account_id where s.id = any(@ids)
            """, new { ids = new[] { previousStaffId, newStaffId } }, context.Transaction)).ToDictionary(s => s.StaffId, s => s.Username);
        if (!usernames.TryGetValue(previousStaffId, out var previous) || !usernames.TryGetValue(newStaffId, out var next))
        {
            return [];
        }
        var held = (await context.Connection.QueryAsync<Guid>($"""
            {ClueInstances}
            select t.id from engine.tasks t join clue_instances c on c.id = t.instance_id
            where t.status = 'open' and t.assignee = @previous order by t.created_at, t.id
            """, new { businessKey = Key(clueId), previous }, context.Transaction)).ToList();
        var actor = new Actor(user.Username, new HashSet<string>(user.Roles, StringComparer.Ordinal));
        var handed = new List<Guid>();
        foreach (var taskId in held)
        {
            try
            {
                await tasks.AssignInAsync(context, taskId, next, actor);
                handed.Add(taskId);
            }
            catch (EngineException e) when (e.Error == EngineError.Conflict)
            {
                // Completed by the previous procurator since it was read: nothing left to hand over.
            }
        }
        return handed;
    }

    private static string Key(long clueId) => clueId.ToString(CultureInfo.InvariantCulture);
}
