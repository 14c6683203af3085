using Hangfire;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>Hangfire's entry point for a timer: the timer row decides whether anything happens.</summary>
internal sealed class TimerJob(TimerFiring firing)
{
    [AutomaticRetry(Attempts = 5)]
    public Task FireAsync(Guid timerId, CancellationToken cancellationToken) => firing.FireAsync(timerId, cancellationToken);
}

/// <summary>Hangfire's entry point for a job row (a service task, or a parent to continue after its called instance).</summary>
internal sealed class WorkJob(JobExecution execution)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(Guid jobId, CancellationToken cancellationToken) => execution.RunAsync(jobId, cancellationToken);
}
