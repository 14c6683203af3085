namespace NetworkCenter.Workflows.Time;

/// <summary>Settings under <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary><c>System</c> (the default) or <c>Manual</c>: a clock moved only through the API; refused in Production.</summary>
    public string Mode { get; set; } = "System";

    /// <summary>Where a manual clock starts (ISO 8601); the real time when empty.</summary>
    public DateTimeOffset? Start { get; set; }

    public bool IsManual => string.Equals(Mode, "Manual", StringComparison.OrdinalIgnoreCase);
}
