using Hangfire;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>
/// The one place that hands work to Hangfire. Jobs carry only a row id; the row is the truth. Future work is
/// scheduled at its due time on the real clock; with the manual clock, Hangfire's scheduler (which reads the real
/// clock) cannot know when it is due, so only work already due is enqueued and the rest waits for the clock to be
/// advanced (<see cref="ClockAdvancer"/>) or for the sweeper.
/// </summary>
internal sealed class EngineScheduler(IBackgroundJobClient jobs, TimeProvider clock)
{
    public bool IsManualClock => clock is ManualClock;

    public void Dispatch(Dispatch dispatch)
    {
        var due = dispatch.At <= clock.GetUtcNow();
        if (!due && IsManualClock)
        {
            return;
        }
        switch (dispatch.Kind)
        {
            case DispatchKind.Timer when due:
                jobs.Enqueue<TimerJob>(job => job.FireAsync(dispatch.Id, CancellationToken.None));
                break;
            case DispatchKind.Timer:
                jobs.Schedule<TimerJob>(job => job.FireAsync(dispatch.Id, CancellationToken.None), dispatch.At);
                break;
            case DispatchKind.Job when due:
                jobs.Enqueue<WorkJob>(job => job.RunAsync(dispatch.Id, CancellationToken.None));
                break;
            case DispatchKind.Job:
                jobs.Schedule<WorkJob>(job => job.RunAsync(dispatch.Id, CancellationToken.None), dispatch.At);
                break;
        }
    }

    /// <summary>Enqueues now, whatever the clock says; the job itself re-checks that its row is due.</summary>
    public void EnqueueNow(DispatchKind kind, Guid id)
    {
        if (kind == DispatchKind.Timer)
        {
            jobs.Enqueue<TimerJob>(job => job.FireAsync(id, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<WorkJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }
}
