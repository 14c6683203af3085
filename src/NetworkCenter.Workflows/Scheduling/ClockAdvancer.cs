using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Time;
using Npgsql;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>
/// Moves the manual clock and then lets everything that became due run through Hangfire, exactly as the sweeper
/// would in production, until nothing due is left: timers, the service jobs they start, follow-on timers and cycles.
/// </summary>
internal sealed class ClockAdvancer(NpgsqlDataSource dataSource, TimeProvider clock, EngineScheduler scheduler)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<DateTimeOffset> AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        if (clock is not ManualClock manual)
        {
            throw EngineException.Conflict(EngineMessages.SystemClock());
        }
        if (by < TimeSpan.Zero)
        {
            throw EngineException.Invalid(EngineMessages.ClockBackwards());
        }
        var now = manual.Advance(by);
        await RunDueWorkAsync(now.ToUniversalTime(), cancellationToken);
        return now;
    }

    /// <summary>Dispatches due rows and waits until none is left pending and due.</summary>
    public async Task RunDueWorkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Patience is real time on purpose: the manual clock stands still while the work runs.
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        var dispatched = new HashSet<(Guid, DateTime)>();
        while (true)
        {
            var (timers, jobs) = await Sweeper.DueAsync(dataSource, now, cancellationToken);
            if (timers.Count == 0 && jobs.Count == 0)
            {
                return;
            }
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw EngineException.Conflict(EngineMessages.ClockStillDue(timers.Count, jobs.Count, Patience.TotalSeconds));
            }
            foreach (var timer in timers.Where(dispatched.Add))
            {
                scheduler.EnqueueNow(DispatchKind.Timer, timer.Id);
            }
            foreach (var job in jobs.Where(dispatched.Add))
            {
                scheduler.EnqueueNow(DispatchKind.Job, job.Id);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }
}
