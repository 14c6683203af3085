using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Runtime.Behaviors;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// A timer's job ran. In one transaction it re-reads the timer under the instance's lock (the start timer's own lock
/// when there is no instance) and acts only if the timer is still pending, due, and its execution still there; so a
/// duplicate or late job, or a second service process, changes nothing.
/// </summary>
internal sealed class TimerFiring(CommandRunner commands, RuntimeServices runtime)
{
    private sealed record TimerRow(Guid Id, Guid? InstanceId, Guid? ExecutionId, Guid? DefinitionId, string ElementId, string Kind,
        DateTime DueAt, string? Cycle, DateTime CreatedAt, string Status);

    private const string Select =
        """
        select id, instance_id as instanceid, execution_id as executionid, definition_id as definitionid, element_id as elementid,
               kind, due_at as dueat, cycle, created_at as createdat, status
        from engine.timers where id = @id
        """;

    public Task FireAsync(Guid timerId, CancellationToken cancellationToken) =>
        commands.RunAsync(null, async context =>
        {
            var peek = await context.QuerySingleOrDefaultAsync<TimerRow>(Select, new { id = timerId });
            if (peek is null || peek.Status != "pending")
            {
                return;
            }
            var run = peek.InstanceId is { } instanceId ? await runtime.OpenAsync(context, instanceId) : null;
            // Under the instance lock (or the timer's own, for start timers) the row is the truth.
            var timer = await context.QuerySingleOrDefaultAsync<TimerRow>(Select + " for update", new { id = timerId });
            if (timer is null || timer.Status != "pending")
            {
                return;
            }
            var due = new DateTimeOffset(timer.DueAt, TimeSpan.Zero);
            if (due > context.Now)
            {
                // Early (clocks of two processes differ): hand it over again, or leave it to the hand-over job.
                await context.ExecuteAsync("update engine.timers set handed_over_at = @handedOver where id = @id",
                    new { id = timer.Id, handedOver = context.HandOverTimer(timer.Id, due) });
                return;
            }
            await ConsumeAsync(context, timer, due);
            if (timer.DefinitionId is { } definitionId && timer.InstanceId is null)
            {
                var started = await runtime.StartAsync(context, definitionId, null, null, timer.ElementId);
                context.Journal(started.Id, "timer-fired", timer.ElementId);
                return;
            }
            if (run is null || run.Instance.IsEnded || timer.ExecutionId is not { } executionId || run.Instance.Find(executionId) is not { } execution)
            {
                return;
            }
            if (!Waits(run, execution, timer.ElementId))
            {
                return;
            }
            context.Journal(run.Instance.Id, "timer-fired", timer.ElementId, new JsonObject { ["due"] = due });
            await TriggerEventAsync(run, execution, timer.ElementId);
            await run.RunAsync();
        }, cancellationToken);

    /// <summary>Marks the timer fired, or moves a cycle with repetitions left to its next occurrence.</summary>
    private static async Task ConsumeAsync(CommandContext context, TimerRow timer, DateTimeOffset due)
    {
        if (timer.Cycle is { } cycle && Deadlines.Next(cycle, new DateTimeOffset(timer.CreatedAt, TimeSpan.Zero), due) is { } next)
        {
            await context.ExecuteAsync(
                "update engine.timers set due_at = @next, handed_over_at = @handedOver where id = @id",
                new { id = timer.Id, next, handedOver = context.HandOverTimer(timer.Id, next) });
            return;
        }
        await context.ExecuteAsync("update engine.timers set status = 'fired' where id = @id", new { id = timer.Id });
    }

    /// <summary>Whether the execution still rests where an event of <paramref name="elementId"/> can reach it.</summary>
    public static bool Waits(ProcessRun run, Execution execution, string elementId) => run.Model.Elements[elementId] switch
    {
        BoundaryEvent boundary => execution.ElementId == boundary.AttachedToId,
        _ when execution.ElementId == elementId => true,
        var node => execution.ElementId is { } at && run.Model.Elements[at] is EventBasedGateway
            && run.Model.OutgoingFlows(at).Any(f => f.TargetId == node.Id),
    };

    /// <summary>A timer or message of an element happened to the execution that waits on it.</summary>
    public static async Task TriggerEventAsync(ProcessRun run, Execution execution, string elementId)
    {
        var node = run.Model.Elements[elementId];
        if (node is BoundaryEvent boundary)
        {
            await BoundaryEventBehavior.TriggerAsync(run, execution, boundary);
        }
        else if (execution.ElementId != elementId && run.Model.Elements[execution.ElementId!] is EventBasedGateway)
        {
            await EventBasedGatewayBehavior.TriggerAsync(run, execution, elementId);
        }
        else
        {
            run.Leave(execution);
        }
    }
}
