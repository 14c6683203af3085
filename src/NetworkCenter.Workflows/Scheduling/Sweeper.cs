using Dapper;
using Hangfire;
using Npgsql;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>
/// Once a minute, hands Hangfire again every timer and job row that is due but still pending: the dispatch after a
/// commit can be lost in a crash, and a Hangfire job can end up failed. Running a row's job twice is harmless.
/// </summary>
internal sealed class Sweeper(NpgsqlDataSource dataSource, TimeProvider clock, EngineScheduler scheduler)
{
    public const string RecurringJobId = "engine-sweeper";

    /// <summary>How long after its due time a row counts as lost, so the sweeper does not race the normal dispatch.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().ToUniversalTime() - (scheduler.IsManualClock ? TimeSpan.Zero : Grace);
        var (timers, jobs) = await DueAsync(dataSource, cutoff, cancellationToken);
        foreach (var (id, _) in timers)
        {
            scheduler.EnqueueNow(DispatchKind.Timer, id);
        }
        foreach (var (id, _) in jobs)
        {
            scheduler.EnqueueNow(DispatchKind.Job, id);
        }
    }

    public static async Task<(List<(Guid Id, DateTime Due)> Timers, List<(Guid Id, DateTime Due)> Jobs)> DueAsync(
        NpgsqlDataSource dataSource, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var timers = await connection.QueryAsync<(Guid, DateTime)>(
            "select id, due_at from engine.timers where status = 'pending' and due_at <= @cutoff order by due_at limit 10000", new { cutoff });
        var jobs = await connection.QueryAsync<(Guid, DateTime)>(
            "select id, next_run_at from engine.jobs where status = 'pending' and next_run_at <= @cutoff order by next_run_at limit 10000", new { cutoff });
        return (timers.ToList(), jobs.ToList());
    }
}
