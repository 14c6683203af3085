using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Scheduling;
using Npgsql;

namespace NetworkCenter.Workflows.Incidents;

public sealed record IncidentView(Guid Id, Guid InstanceId, string? ElementId, string Message, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);

/// <summary>Open incidents, and retrying one: a failed job gets its attempts back; any other failure runs its element again.</summary>
internal sealed class IncidentCommands(CommandRunner commands, RuntimeServices runtime, NpgsqlDataSource dataSource)
{
    private sealed record IncidentRow(Guid Id, Guid InstanceId, Guid? ExecutionId, string? ElementId, Guid? JobId, string Message,
        DateTime CreatedAt, DateTime? ResolvedAt);

    private const string Select =
        """
        select id, instance_id as instanceid, execution_id as executionid, element_id as elementid, job_id as jobid, message,
               created_at as createdat, resolved_at as resolvedat
        from engine.incidents
        """;

    public async Task<IReadOnlyList<IncidentView>> ListAsync(Guid? instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(
            Select + " where resolved_at is null and (@instanceId::uuid is null or instance_id = @instanceId) order by created_at limit 500",
            new { instanceId });
        return [.. rows.Select(r => new IncidentView(r.Id, r.InstanceId, r.ElementId, r.Message,
            new DateTimeOffset(r.CreatedAt, TimeSpan.Zero), null))];
    }

    public Task RetryAsync(Guid incidentId, string? user, CancellationToken cancellationToken) =>
        commands.RunAsync(user, async context =>
        {
            var peek = await context.QuerySingleOrDefaultAsync<IncidentRow>(Select + " where id = @incidentId", new { incidentId })
                ?? throw EngineException.NotFound(EngineMessages.NoIncident(incidentId));
            var run = await runtime.OpenAsync(context, peek.InstanceId) ?? throw EngineException.NotFound(EngineMessages.NoIncident(incidentId));
            var incident = await context.QuerySingleOrDefaultAsync<IncidentRow>(Select + " where id = @incidentId", new { incidentId });
            if (incident is null || incident.ResolvedAt is not null)
            {
                throw EngineException.Conflict(EngineMessages.IncidentResolved());
            }
            await context.ExecuteAsync("update engine.incidents set resolved_at = @now, resolved_by = @user where id = @incidentId",
                new { incidentId, now = context.Now, user });
            context.Journal(run.Instance.Id, "incident-resolved", incident.ElementId, new JsonObject { ["incidentId"] = incidentId.ToString() });
            var open = await context.QuerySingleOrDefaultAsync<int>(
                "select count(*) from engine.incidents where instance_id = @id and resolved_at is null", new { id = run.Instance.Id });
            if (open == 0 && run.Instance.Status == InstanceStatus.Incident)
            {
                run.Instance.Status = InstanceStatus.Active;
            }
            if (incident.JobId is { } jobId)
            {
                await context.ExecuteAsync(
                    "update engine.jobs set status = 'pending', attempts = 0, next_run_at = @now, last_error = null where id = @jobId and status = 'failed'",
                    new { jobId, now = context.Now });
                context.AfterCommit(Dispatch.Job(jobId, context.Now));
                return;
            }
            if (incident.ExecutionId is { } executionId && run.Instance.Find(executionId) is { } execution && execution.ElementId is { } elementId)
            {
                await run.ExecuteAsync(execution, run.Model.Elements[elementId]);
                await run.RunAsync();
            }
        }, cancellationToken);
}
