using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Scheduling;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// The rows a resting token waits on (task, timer, message subscription, job), written in the command's transaction,
/// and their cancellation when the token moves on: a timer or job whose execution is gone never takes effect.
/// </summary>
internal sealed class Waits(CommandContext context, InstanceState instance)
{
    public sealed record NewTask(
        string ElementId, string? Name, string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups,
        DateTimeOffset? Due, DateTimeOffset? FollowUp, int Priority, string? FormKey);

    public Task<Guid> CreateTaskAsync(Execution execution, NewTask task)
    {
        var id = Guid.CreateVersion7();
        context.TaskCreated(execution.Id, new Tasks.TaskView(
            id, instance.Id, task.ElementId, task.Name, task.Assignee, [.. task.CandidateGroups.Distinct()], AsStored(task.Due), AsStored(task.FollowUp), task.FormKey));
        context.Defer(
            """
            insert into engine.tasks (id, instance_id, execution_id, element_id, name, assignee, candidate_users, candidate_groups,
                                      due_at, follow_up_at, priority, form_key, status, created_at)
            values (@id, @instance, @execution, @ElementId, @Name, @Assignee, @users, @groups, @Due, @FollowUp, @Priority, @FormKey, 'open', @now);
            insert into engine.task_candidates (task_id, kind, name, due_at)
            select @id, 'g', g, @Due from unnest(@groups) g
            union select @id, 'u', u, @Due from unnest(@users) u;
            """,
            new
            {
                id, instance = instance.Id, execution = execution.Id, task.ElementId, task.Name, task.Assignee,
                users = task.CandidateUsers.Distinct().ToArray(), groups = task.CandidateGroups.Distinct().ToArray(),
                task.Due, task.FollowUp, task.Priority, task.FormKey, now = context.Now,
            });
        context.Journal(instance.Id, "task-created", task.ElementId, new JsonObject
        {
            ["taskId"] = id.ToString(),
            ["assignee"] = task.Assignee,
            ["candidateGroups"] = new JsonArray([.. task.CandidateGroups.Select(g => JsonValue.Create(g))]),
        });
        return Task.FromResult(id);
    }

    /// <summary>The instant as a task list reads it back: UTC, to the microsecond PostgreSQL keeps.</summary>
    private static DateTimeOffset? AsStored(DateTimeOffset? at) =>
        at is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero) : null;

    public Task<Guid> CreateTimerAsync(Execution execution, string elementId, string kind, DateTimeOffset due, string? cycle)
    {
        var id = Guid.CreateVersion7();
        var handedOver = context.HandOverTimer(id, due);
        context.Defer(
            """
            insert into engine.timers (id, instance_id, execution_id, element_id, kind, due_at, cycle, status, created_at, handed_over_at)
            values (@id, @instance, @execution, @elementId, @kind, @due, @cycle, 'pending', @now, @handedOver)
            """,
            new { id, instance = instance.Id, execution = execution.Id, elementId, kind, due, cycle, now = context.Now, handedOver });
        return Task.FromResult(id);
    }

    public Task CreateSubscriptionAsync(Execution execution, string elementId, string name)
    {
        context.Defer(
            """
            insert into engine.message_subscriptions (id, instance_id, execution_id, element_id, name, business_key, created_at)
            values (@id, @instance, @execution, @elementId, @name, @businessKey, @now)
            """,
            new { id = Guid.CreateVersion7(), instance = instance.Id, execution = execution.Id, elementId, name, businessKey = instance.BusinessKey, now = context.Now });
        return Task.CompletedTask;
    }

    public Task<Guid> CreateJobAsync(Guid instanceId, Guid executionId, string? elementId, string kind, string? topic)
    {
        var id = Guid.CreateVersion7();
        context.Defer(
            """
            insert into engine.jobs (id, instance_id, execution_id, element_id, kind, topic, next_run_at, status, created_at)
            values (@id, @instanceId, @executionId, @elementId, @kind, @topic, @now, 'pending', @now)
            """,
            new { id, instanceId, executionId, elementId, kind, topic, now = context.Now });
        context.AfterCommit(Dispatch.Job(id, context.Now));
        return Task.FromResult(id);
    }

    /// <summary>
    /// Cancels everything the given executions wait on, and terminates instances they called. When none of them can
    /// hold an open task or a called instance (<paramref name="mayHoldTaskOrCall"/> false: no user task but one whose
    /// task this command completed, no call activity), there is nothing to read back and the writes are deferred.
    /// </summary>
    public async Task CancelAsync(IReadOnlyCollection<Guid> executionIds, Func<Guid, Task> terminateCalledInstance, bool mayHoldTaskOrCall = true)
    {
        if (executionIds.Count == 0)
        {
            return;
        }
        var ids = executionIds.ToArray();
        if (!mayHoldTaskOrCall)
        {
            context.Defer(
                """
                with cancelled as (
                    update engine.tasks set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status = 'open'
                    returning id)
                delete from engine.task_candidates where task_id in (select id from cancelled);
                update engine.timers set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status = 'pending';
                delete from engine.message_subscriptions where instance_id = @instance and execution_id = any(@ids);
                update engine.jobs set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status in ('pending', 'failed');
                update engine.incidents set resolved_at = @now, resolved_by = @user
                where instance_id = @instance and execution_id = any(@ids) and resolved_at is null
                """, new { instance = instance.Id, ids, now = context.Now, user = context.User });
            return;
        }
        // One round trip for everything the executions held; the cancelled tasks and the called instances come back.
        List<(Guid Id, string ElementId)> cancelledTasks;
        List<Guid> called;
        await using (var results = await context.QueryMultipleAsync(
            """
            with cancelled as (
                update engine.tasks set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status = 'open'
                returning id, element_id),
            candidates as (delete from engine.task_candidates where task_id in (select id from cancelled))
            select id, element_id from cancelled;
            update engine.timers set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status = 'pending';
            delete from engine.message_subscriptions where instance_id = @instance and execution_id = any(@ids);
            update engine.jobs set status = 'cancelled' where instance_id = @instance and execution_id = any(@ids) and status in ('pending', 'failed');
            update engine.incidents set resolved_at = @now, resolved_by = @user
            where instance_id = @instance and execution_id = any(@ids) and resolved_at is null;
            select id from engine.instances
            where parent_instance_id = @instance and parent_execution_id = any(@ids) and status in ('active', 'incident');
            """, new { instance = instance.Id, ids, now = context.Now, user = context.User }))
        {
            cancelledTasks = [.. await results.ReadAsync<(Guid, string)>()];
            called = [.. await results.ReadAsync<Guid>()];
        }
        foreach (var (taskId, elementId) in cancelledTasks)
        {
            context.Journal(instance.Id, "task-cancelled", elementId, new JsonObject { ["taskId"] = taskId.ToString() });
        }
        foreach (var child in called)
        {
            await terminateCalledInstance(child);
        }
    }
}
