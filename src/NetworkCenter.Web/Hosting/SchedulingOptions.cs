namespace NetworkCenter.Web.Hosting;

/// <summary>Settings under <c>Hangfire</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Hangfire";

    /// <summary>Worker threads in this process's Hangfire server.</summary>
    public int WorkerCount { get; set; } = 8;

    /// <summary>How often the server moves due delayed and recurring jobs onto the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often idle workers look at the queue; jobs enqueued elsewhere also wake them through LISTEN/NOTIFY.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A fetched job whose worker stops heart-beating for this long runs again elsewhere.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How old a Hangfire distributed lock row may get before another process takes it over. A process killed while it
    /// holds one (the delayed-job poller's, the recurring scheduler's, a job's state lock) leaves the row behind, and
    /// until it expires no delayed job is enqueued and no recurring job (sweeper, hand-over) runs: Hangfire.PostgreSql's
    /// 10 minutes stalled every timer for that long after a crash. The locks are held for milliseconds to seconds, and
    /// every job re-checks its row, so taking over a lock that is older than this is safe.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
