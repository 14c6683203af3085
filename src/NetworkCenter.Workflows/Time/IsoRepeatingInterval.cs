using System.Globalization;

namespace NetworkCenter.Workflows.Time;

/// <summary>
/// An ISO 8601 repeating interval as a timer cycle: <c>R/P7D</c> (for ever), <c>R3/P1D</c> (three times, the first a day
/// after the timer is created), <c>R3/2026-01-01T00:00:00Z/P1D</c> (three times, the first at the start),
/// <c>R/P1D/2026-02-01</c> (daily until the end). <see cref="Repetitions"/> is null when unbounded.
/// </summary>
public sealed record IsoRepeatingInterval(int? Repetitions, DateTimeOffset? Start, IsoDuration Period, DateTimeOffset? End)
{
    public static bool TryParse(string? text, out IsoRepeatingInterval interval)
    {
        interval = null!;
        var parts = text?.Trim().Split('/');
        if (parts is null || parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] != 'R')
        {
            return false;
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            repetitions = count;
        }

        DateTimeOffset? start = null, end = null;
        IsoDuration period;
        if (parts.Length == 2)
        {
            if (!IsoDuration.TryParse(parts[1], out period))
            {
                return false;
            }
        }
        else if (IsoDuration.TryParse(parts[1], out period))
        {
            if (!IsoDateTime.TryParse(parts[2], out var endValue))
            {
                return false;
            }

            end = endValue;
        }
        else if (!IsoDateTime.TryParse(parts[1], out var startValue) || !IsoDuration.TryParse(parts[2], out period))
        {
            return false;
        }
        else
        {
            start = startValue;
        }

        if (period.IsZero)
        {
            return false;
        }

        interval = new IsoRepeatingInterval(repetitions, start, period, end);
        return true;
    }

    /// <summary>
    /// The <paramref name="occurrence"/>-th firing (1-based) of a timer created at <paramref name="created"/>, or null when
    /// the cycle has none that late. Each firing is computed from the origin, so month lengths do not drift.
    /// </summary>
    public DateTimeOffset? Occurrence(DateTimeOffset created, int occurrence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        if (Repetitions is { } count && occurrence > count)
        {
            return null;
        }

        var due = Start is { } start ? Period.Times(occurrence - 1).AddTo(start) : Period.Times(occurrence).AddTo(created);
        return End is { } end && due > end ? null : due;
    }

    /// <summary>
    /// The first firing strictly after <paramref name="after"/> with its 1-based number, or null when the cycle is over;
    /// a cycle whose start lies in the past skips the firings already missed.
    /// </summary>
    public (DateTimeOffset Due, int Occurrence)? NextAfter(DateTimeOffset created, DateTimeOffset after)
    {
        // Bounded: a cycle of a second for a century is about three billion firings, so step coarsely first.
        var occurrence = 1;
        var step = 1;
        while (Occurrence(created, occurrence + step) is { } probe && probe <= after)
        {
            occurrence += step;
            step *= 2;
        }

        for (; step > 0; step /= 2)
        {
            if (Occurrence(created, occurrence + step) is { } probe && probe <= after)
            {
                occurrence += step;
            }
        }

        for (var n = occurrence; n <= occurrence + 1; n++)
        {
            if (Occurrence(created, n) is not { } due)
            {
                return null;
            }

            if (due > after)
            {
                return (due, n);
            }
        }

        return null;
    }
}
