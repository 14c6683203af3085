using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Forms;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Workflows.Tasks;

public sealed record TaskView(
    Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? Due, DateTimeOffset? FollowUp, string? FormKey);

/// <summary>Open tasks, and claiming, unclaiming and completing them, each under the instance's lock.</summary>
internal sealed class TaskCommands(CommandRunner commands, RuntimeServices runtime, NpgsqlDataSource dataSource, TaskForms forms)
{
    // Settable properties, not a positional record: Dapper reports text[] columns as System.Array to constructors.
    private sealed class TaskRow
    {
        public Guid Id { get; set; }
        public Guid InstanceId { get; set; }
        public Guid ExecutionId { get; set; }
        public string ElementId { get; set; } = "";
        public string? Name { get; set; }
        public string? Assignee { get; set; }
        public string[] CandidateUsers { get; set; } = [];
        public string[] CandidateGroups { get; set; } = [];
        public DateTime? DueAt { get; set; }
        public DateTime? FollowUpAt { get; set; }
        public string? FormKey { get; set; }
        public string Status { get; set; } = "";
    }

    private const string Columns =
        """
        t.id, t.instance_id as instanceid, t.execution_id as executionid, t.element_id as elementid, t.name, t.assignee,
        t.candidate_users as candidateusers, t.candidate_groups as candidategroups, t.due_at as dueat, t.follow_up_at as followupat,
        t.form_key as formkey, t.status
        """;

    public async Task<IReadOnlyList<TaskView>> ListAsync(
        Guid? instanceId, string? assignee, string? candidateGroup, int limit, CancellationToken cancellationToken, int offset = 0)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Only the filters asked for, so each shape of the query gets its own plan (a prepared "@x is null or ..."
        // may get a generic plan that can use no index). By group: one range scan of the candidates index in due order.
        var filters = Filters(instanceId, assignee);
        var sql = candidateGroup is not null
            ? $"""
              select {Columns} from engine.task_candidates c join engine.tasks t on t.id = c.task_id
              where c.kind = 'g' and c.name = @candidateGroup and t.status = 'open'{filters}
              order by c.due_at nulls last, c.task_id limit @limit offset @offset
              """
            : $"""
              select {Columns} from engine.tasks t
              where t.status = 'open'{filters}
              order by t.due_at nulls last, t.id limit @limit offset @offset
              """;
        var rows = await connection.QueryAsync<TaskRow>(sql, new { instanceId, assignee, candidateGroup, limit, offset });
        return [.. rows.Select(View)];
    }

    /// <summary>How many open tasks the same filters as <see cref="ListAsync"/> match, for paging through them.</summary>
    public async Task<int> CountAsync(Guid? instanceId, string? assignee, string? candidateGroup, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var filters = Filters(instanceId, assignee);
        // A group's queue alone counts its candidate rows only: they exist for open tasks only (written with the task,
        // deleted when it completes or is cancelled), and joining each to its task cost 20 ms for a queue of 25,000.
        var sql = candidateGroup is not null && filters.Length == 0
            ? "select count(*)::int from engine.task_candidates c where c.kind = 'g' and c.name = @candidateGroup"
            : candidateGroup is not null
            ? $"""
              select count(*)::int from engine.task_candidates c join engine.tasks t on t.id = c.task_id
              where c.kind = 'g' and c.name = @candidateGroup and t.status = 'open'{filters}
              """
            : $"select count(*)::int from engine.tasks t where t.status = 'open'{filters}";
        return await connection.QuerySingleAsync<int>(sql, new { instanceId, assignee, candidateGroup });
    }

    private static string Filters(Guid? instanceId, string? assignee) =>
        (instanceId is null ? "" : " and t.instance_id = @instanceId") + (assignee is null ? "" : " and t.assignee = @assignee");

    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken) =>
        commands.RunAsync(actor.Id, async context =>
        {
            var (run, task) = await LockOpenTaskAsync(context, taskId, actor);
            if (task.Assignee is { } current && current != actor.Id)
            {
                throw EngineException.Conflict(EngineMessages.TaskClaimed(current));
            }
            await context.ExecuteAsync("update engine.tasks set assignee = @user where id = @taskId", new { taskId, user = actor.Id });
            context.Journal(run.Instance.Id, "task-claimed", task.ElementId, new JsonObject { ["taskId"] = taskId.ToString() });
        }, cancellationToken);

    public Task UnclaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken) =>
        commands.RunAsync(actor.Id, async context =>
        {
            var (run, task) = await LockOpenTaskAsync(context, taskId, actor, assigneeOnly: true);
            await context.ExecuteAsync("update engine.tasks set assignee = null where id = @taskId", new { taskId });
            context.Journal(run.Instance.Id, "task-unclaimed", task.ElementId, new JsonObject { ["taskId"] = taskId.ToString(), ["previousAssignee"] = task.Assignee });
        }, cancellationToken);

    /// <summary>Hands an open task to <paramref name="assignee"/>, in a transaction of its own.</summary>
    public Task AssignAsync(Guid taskId, string assignee, Actor actor, CancellationToken cancellationToken) =>
        commands.RunAsync(actor.Id, context => AssignInAsync(context, taskId, assignee, actor), cancellationToken);

    /// <summary>
    /// Hands an open task to <paramref name="assignee"/> inside a command the caller runs, so a domain change and the
    /// hand-over commit together. Same guarantees as claiming: the task's instance is locked, 404 for no such task,
    /// 409 when it is no longer open, a journal entry naming the previous assignee and who handed it over. Who may hand
    /// a task over is the caller's decision (a clue administrator reassigning a clue is neither assignee nor candidate).
    /// </summary>
    internal async Task AssignInAsync(CommandContext context, Guid taskId, string assignee, Actor actor)
    {
        var (run, task) = await LockOpenTaskAsync(context, taskId, actor, checkActor: false);
        await context.ExecuteAsync("update engine.tasks set assignee = @assignee where id = @taskId", new { taskId, assignee });
        context.Journal(run.Instance.Id, "task-assigned", task.ElementId, new JsonObject
        {
            ["taskId"] = taskId.ToString(),
            ["previousAssignee"] = task.Assignee,
            ["assignee"] = assignee,
        }, actor.Id);
    }

    /// <summary>Completes the task; returns the tasks the completion opened in its instance, so a client can go on to the next without a list query.</summary>
    public Task<IReadOnlyList<TaskView>> CompleteAsync(Guid taskId, JsonObject? variables, Actor actor, CancellationToken cancellationToken) =>
        commands.RunAsync(actor.Id, async context =>
        {
            var (run, task) = await LockOpenTaskAsync(context, taskId, actor, assigneeOnly: true);
            var execution = run.Instance.Find(task.ExecutionId)
                ?? throw EngineException.Conflict(EngineMessages.TaskNotOpen());
            forms.EnsureValid(task.FormKey, variables, () => run.Scope(execution).Snapshot(), context.Now);
            // Deferred, but ahead of the run's own statements: cancelling the execution's waits must find it completed.
            context.Defer("update engine.tasks set status = 'completed', completed_by = @user, completed_at = @now where id = @taskId",
                new { taskId, user = actor.Id, now = context.Now });
            context.Defer("delete from engine.task_candidates where task_id = @taskId", new { taskId });
            context.TaskCompleted(task.ExecutionId);
            context.Journal(run.Instance.Id, "task-completed", task.ElementId, new JsonObject
            {
                ["taskId"] = taskId.ToString(),
                ["variables"] = variables?.DeepClone() ?? new JsonObject(),
            });
            run.Scope(execution).SetAll(variables);
            run.Leave(execution);
            await run.RunAsync();
            return context.OpenTasksCreatedIn(run.Instance.Id);
        }, cancellationToken);

    /// <summary>
    /// 404 when there is no such task, 409 when it is no longer open, 403 when the actor may not act on it. With
    /// <paramref name="assigneeOnly"/>, a claimed task is the assignee's alone: another member of its candidate group may
    /// neither complete it nor take it away by unclaiming (only a system administrator may step in).
    /// </summary>
    private async Task<(ProcessRun Run, TaskRow Task)> LockOpenTaskAsync(CommandContext context, Guid taskId, Actor actor, bool assigneeOnly = false,
        bool checkActor = true)
    {
        // One round trip: lock the task's instance, then read the instance and the task under that lock, so a
        // concurrent completion has either committed or not begun. A task's instance never changes.
        var (_, task) = await context.LockInstanceWithAsync<TaskRow>(
            "(select instance_id from engine.tasks where id = @taskId)", new { taskId }, $"select {Columns} from engine.tasks t where t.id = @taskId");
        if (task is null)
        {
            throw EngineException.NotFound(EngineMessages.NoTask(taskId));
        }
        var run = await runtime.OpenAsync(context, task.InstanceId) ?? throw EngineException.NotFound(EngineMessages.NoTask(taskId));
        if (task.Status != "open")
        {
            throw EngineException.Conflict(EngineMessages.TaskNotOpen());
        }
        if (!checkActor)
        {
            return (run, task);
        }
        var allowed = actor.IsAdministrator || task.Assignee == actor.Id || task.CandidateUsers.Contains(actor.Id)
            || task.CandidateGroups.Any(actor.Groups.Contains);
        if (!allowed)
        {
            throw EngineException.Forbidden(EngineMessages.NotACandidate());
        }
        if (assigneeOnly && task.Assignee is { } assignee && assignee != actor.Id && !actor.IsAdministrator)
        {
            throw EngineException.Forbidden(EngineMessages.AssignedToAnother(assignee));
        }
        return (run, task);
    }

    private static TaskView View(TaskRow t) => new(t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee, t.CandidateGroups,
        t.DueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null,
        t.FollowUpAt is { } followUp ? new DateTimeOffset(followUp, TimeSpan.Zero) : null, t.FormKey);
}
