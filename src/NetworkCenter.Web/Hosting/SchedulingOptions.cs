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
}
