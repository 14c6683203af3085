using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Time;

/// <summary>When timers fall due, from their (already evaluated) ISO 8601 text. Legal-calendar counting is separate.</summary>
public static class TimerSchedule
{
    /// <summary>True when <paramref name="value"/> is a valid <paramref name="kind"/> value.</summary>
    public static bool IsValid(TimerKind kind, string value) => kind switch
    {
        TimerKind.Date => IsoDateTime.TryParse(value, out _),
        TimerKind.Duration => IsoDuration.TryParse(value, out _),
        _ => IsoRepeatingInterval.TryParse(value, out _),
    };

    /// <summary>
    /// The first due instant of a timer created at <paramref name="created"/>; null for a cycle with no firing left.
    /// </summary>
    /// <exception cref="FormatException">The value is not valid for its kind.</exception>
    public static DateTimeOffset? FirstDue(TimerKind kind, string value, DateTimeOffset created) => kind switch
    {
        TimerKind.Date => IsoDateTime.TryParse(value, out var date) ? date : throw Invalid(kind, value),
        TimerKind.Duration => IsoDuration.TryParse(value, out var duration) ? duration.AddTo(created) : throw Invalid(kind, value),
        _ => IsoRepeatingInterval.TryParse(value, out var cycle) ? cycle.NextAfter(created, created.AddTicks(-1))?.Due : throw Invalid(kind, value),
    };

    /// <summary>
    /// The due instant after the firing due at <paramref name="lastDue"/> of a cycle timer created at
    /// <paramref name="created"/>; null when the cycle is over (and always for date and duration timers, which fire once).
    /// </summary>
    public static DateTimeOffset? NextDue(TimerKind kind, string value, DateTimeOffset created, DateTimeOffset lastDue) =>
        kind != TimerKind.Cycle ? null
        : IsoRepeatingInterval.TryParse(value, out var cycle) ? cycle.NextAfter(created, lastDue)?.Due
        : throw Invalid(kind, value);

    /// <summary>
    /// A task's <c>dueDate</c> or <c>followUpDate</c> after evaluation: a duration counts from <paramref name="created"/>,
    /// a date-time stands as it is. Null when the text is neither.
    /// </summary>
    public static DateTimeOffset? TaskDate(string value, DateTimeOffset created) =>
        IsoDuration.TryParse(value, out var duration) ? duration.AddTo(created)
        : IsoDateTime.TryParse(value, out var date) ? date
        : null;

    private static FormatException Invalid(TimerKind kind, string value) =>
        new($"\"{value}\" is not a valid ISO 8601 {kind.ToString().ToLowerInvariant()} for a timer");
}
