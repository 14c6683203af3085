using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkCenter.Workflows.Runtime.Behaviors;
using NetworkCenter.Workflows.Scheduling;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Runs a job row. A service job calls its handler outside any transaction (no lock is held while it works), then in
/// one command re-reads the row under the instance lock and applies the outcome only if the job is still pending:
/// completion, a BPMN error, or a failure counted on the row and retried with back-off until it becomes an incident.
/// </summary>
internal sealed class JobExecution(CommandRunner commands, RuntimeServices runtime, IServiceScopeFactory scopes, ILogger<JobExecution> logger)
{
    private sealed record JobRow(Guid Id, Guid InstanceId, Guid? ExecutionId, string? ElementId, string Kind, string? Topic,
        int Attempts, int MaxAttempts, DateTime NextRunAt, string Status);

    private const string Select =
        """
        select id, instance_id as instanceid, execution_id as executionid, element_id as elementid, kind, topic, attempts,
               max_attempts as maxattempts, next_run_at as nextrunat, status
        from engine.jobs where id = @id
        """;

    /// <summary>Back-off between attempts: 10 s, 1 min, 5 min, then 30 min.</summary>
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var prepared = await commands.RunAsync(null, async context =>
        {
            var job = await context.QuerySingleOrDefaultAsync<JobRow>(Select, new { id = jobId });
            if (job is null || job.Status != "pending" || new DateTimeOffset(job.NextRunAt, TimeSpan.Zero) > context.Now)
            {
                return null;
            }
            if (job.Kind == JobKinds.Resume)
            {
                await ResumeAsync(context, job);
                return null;
            }
            var state = await Persistence.InstanceStore.LoadAsync(context.Connection, context.Transaction, job.InstanceId);
            var execution = job.ExecutionId is { } id ? state?.Find(id) : null;
            if (state is null || execution is null)
            {
                return null;
            }
            return new ServiceTaskContext(state.Id, state.BusinessKey, job.ElementId ?? "", job.Topic ?? "", job.Attempts + 1,
                new VariableScope(state, execution).Snapshot());
        }, cancellationToken);
        if (prepared is null)
        {
            return;
        }
        Outcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IServiceTaskHandler>().FirstOrDefault(h => h.Topic == prepared.Topic)
                ?? throw new InvalidOperationException($"No handler for topic '{prepared.Topic}'.");
            var result = await handler.ExecuteAsync(prepared, cancellationToken);
            outcome = new Outcome(result, null, null);
        }
        catch (BpmnErrorException e)
        {
            outcome = new Outcome(null, e.ErrorCode, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Service task {Element} of instance {Instance} failed (attempt {Attempt})", prepared.ElementId, prepared.InstanceId, prepared.Attempt);
            outcome = new Outcome(null, null, e.Message);
        }
        await commands.RunAsync(null, context => ApplyAsync(context, jobId, prepared.Attempt, outcome), cancellationToken);
    }

    private sealed record Outcome(ServiceTaskResult? Result, string? ErrorCode, string? Failure);

    private async Task ApplyAsync(CommandContext context, Guid jobId, int attempt, Outcome outcome)
    {
        var peek = await context.QuerySingleOrDefaultAsync<JobRow>(Select, new { id = jobId });
        if (peek is null)
        {
            return;
        }
        var run = await runtime.OpenAsync(context, peek.InstanceId);
        var job = await context.QuerySingleOrDefaultAsync<JobRow>(Select, new { id = jobId });
        // Another run of this job (a duplicate, another process) already settled it, or the token moved on.
        if (run is null || job is null || job.Status != "pending" || job.Attempts + 1 != attempt
            || job.ExecutionId is not { } executionId || run.Instance.Find(executionId) is not { } execution)
        {
            return;
        }
        if (outcome.Failure is { } failure)
        {
            await FailAsync(context, run, execution, job, failure);
            return;
        }
        await context.ExecuteAsync("update engine.jobs set status = 'done', attempts = attempts + 1 where id = @id", new { id = job.Id });
        if (outcome.ErrorCode is { } code)
        {
            try
            {
                await ErrorPropagation.ThrowAsync(run, execution, code);
            }
            catch (IncidentException e)
            {
                await run.RaiseIncidentAsync(execution, job.ElementId, e.Message, null);
            }
        }
        else
        {
            var values = new JsonObject();
            foreach (var (name, value) in outcome.Result?.Variables ?? new Dictionary<string, object?>())
            {
                values[name] = VariableScope.FromClr(value);
            }
            run.Scope(execution).SetAll(values);
            context.Journal(run.Instance.Id, "service-task-completed", job.ElementId, new JsonObject { ["topic"] = job.Topic, ["variables"] = values });
            run.Leave(execution);
        }
        await run.RunAsync();
    }

    private static async Task FailAsync(CommandContext context, ProcessRun run, Execution execution, JobRow job, string failure)
    {
        var attempts = job.Attempts + 1;
        if (attempts < job.MaxAttempts)
        {
            var next = context.Now + Backoff[Math.Min(attempts - 1, Backoff.Length - 1)];
            await context.ExecuteAsync(
                "update engine.jobs set attempts = @attempts, next_run_at = @next, last_error = @failure where id = @id",
                new { id = job.Id, attempts, next, failure });
            context.Journal(run.Instance.Id, "service-task-failed", job.ElementId, new JsonObject { ["attempt"] = attempts, ["error"] = failure });
            context.AfterCommit(Dispatch.Job(job.Id, next));
            return;
        }
        await context.ExecuteAsync(
            "update engine.jobs set attempts = @attempts, status = 'failed', last_error = @failure where id = @id",
            new { id = job.Id, attempts, failure });
        await run.RaiseIncidentAsync(execution, job.ElementId, $"Service task failed after {attempts} attempts: {failure}", job.Id);
    }

    private async Task ResumeAsync(CommandContext context, JobRow job)
    {
        var run = await runtime.OpenAsync(context, job.InstanceId);
        var fresh = await context.QuerySingleOrDefaultAsync<JobRow>(Select + " for update", new { id = job.Id });
        if (run is null || fresh is null || fresh.Status != "pending")
        {
            return;
        }
        await context.ExecuteAsync("update engine.jobs set status = 'done', attempts = attempts + 1 where id = @id", new { id = job.Id });
        if (job.ExecutionId is not { } executionId || run.Instance.Find(executionId) is not { } execution || !Guid.TryParse(job.Topic, out var called))
        {
            return;
        }
        await CallActivityBehavior.ResumeAsync(run, execution, called);
        await run.RunAsync();
    }
}
