namespace NetworkCenter.Workflows.Time;

/// <summary>
/// A clock that moves only when told to (<c>Clock:Mode=Manual</c>), so deadlines can be tested and demonstrated
/// without waiting. It starts at the real time of its creation unless given a start.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    // Kept in UTC: GetUtcNow promises it, and Npgsql writes only UTC offsets to timestamptz.
    private DateTimeOffset _now = start.ToUniversalTime();

    public ManualClock() : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward; it never goes back.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}
