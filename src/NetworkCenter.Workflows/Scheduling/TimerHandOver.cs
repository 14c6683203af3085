using Dapper;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>
/// Gives a Hangfire job to each pending timer that has come within <see cref="WorkflowOptions.TimerHorizon"/> without
/// one, the way Camunda's job executor acquires due jobs: a timer written further out got no job when it was written.
/// The conditional update hands a row over once even when two service processes run this; a job lost after it (a
/// crash before Hangfire stored it) is the sweeper's, as for any dispatch after commit.
/// </summary>
internal sealed class TimerHandOver(NpgsqlDataSource dataSource, TimeProvider clock, EngineScheduler scheduler, IOptions<WorkflowOptions> options)
{
    public const string RecurringJobId = "engine-timer-handover";

    /// <summary>Every 20 seconds (Hangfire's six-field cron); the horizon is at least a minute, so no run is critical.</summary>
    public const string Cron = "*/20 * * * * *";

    private const int Batch = 5000;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task HandOverAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        while (await HandOverAsync(now, cancellationToken) == Batch)
        {
        }
    }

    /// <summary>Marks up to a batch of timers due by <paramref name="now"/> plus the horizon as handed over and dispatches them.</summary>
    public async Task<int> HandOverAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // skip locked: a row a command holds is being cancelled or fired right now; the next run sees what it left.
        var rows = (await connection.QueryAsync<(Guid Id, DateTime Due)>(
            """
            update engine.timers t set handed_over_at = @now
            from (select id from engine.timers
                  where status = 'pending' and handed_over_at is null and due_at <= @until
                  order by due_at limit @batch for update skip locked) d
            where t.id = d.id
            returning t.id, t.due_at
            """, new { now, until = now + options.Value.TimerHorizon, batch = Batch })).ToList();
        // Each Hangfire job is its own small transaction, mostly waiting on the database: a burst of thousands of
        // timers entering the horizon together is handed over several at a time.
        Parallel.ForEach(rows, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            row => scheduler.Dispatch(Dispatch.Timer(row.Id, new DateTimeOffset(row.Due, TimeSpan.Zero))));
        return rows.Count;
    }
}
