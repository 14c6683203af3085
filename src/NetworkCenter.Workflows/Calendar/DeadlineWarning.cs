using Microsoft.Extensions.Options;

namespace NetworkCenter.Workflows.Calendar;

/// <summary>The traffic light the procuratorates' case system shows beside every statutory clock.</summary>
public enum DeadlineLight
{
    /// <summary>Running normally.</summary>
    Green,

    /// <summary>Approaching: little time left, absolutely or as a share of the period.</summary>
    Yellow,

    /// <summary>Overdue.</summary>
    Red,
}

/// <summary>Settings under <c>Calendar:Warnings</c>.</summary>
public sealed class DeadlineWarningOptions
{
    public const string Section = "Calendar:Warnings";

    /// <summary>Yellow once this many days (or fewer) remain before the due instant.</summary>
    public double YellowWithinDays { get; set; } = 2;

    /// <summary>Yellow once this share of the period (or less) remains, when the period's start is known; 0 turns it off.</summary>
    public double YellowFraction { get; set; } = 0.2;
}

/// <summary>Classifies a deadline at a given instant: pure, so the inbox, the register and reports agree.</summary>
public static class DeadlineWarning
{
    /// <summary>
    /// Red after <paramref name="due"/>; yellow when at most <see cref="DeadlineWarningOptions.YellowWithinDays"/> days
    /// or at most <see cref="DeadlineWarningOptions.YellowFraction"/> of the period from <paramref name="start"/>
    /// remain; green otherwise. The due instant itself is still yellow: the period has not yet run out.
    /// </summary>
    public static DeadlineLight Classify(DateTimeOffset due, DateTimeOffset now, DateTimeOffset? start, DeadlineWarningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var remaining = due - now;
        if (remaining < TimeSpan.Zero)
        {
            return DeadlineLight.Red;
        }
        if (remaining.TotalDays <= options.YellowWithinDays)
        {
            return DeadlineLight.Yellow;
        }
        if (start is { } from && due > from && options.YellowFraction > 0
            && remaining.Ticks <= (due - from).Ticks * options.YellowFraction)
        {
            return DeadlineLight.Yellow;
        }
        return DeadlineLight.Green;
    }

    /// <summary>The light as the API and the pages write it: <c>green</c>, <c>yellow</c> or <c>red</c>.</summary>
    public static string ToCode(this DeadlineLight light) => light switch
    {
        DeadlineLight.Green => "green",
        DeadlineLight.Yellow => "yellow",
        DeadlineLight.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(light), light, null),
    };
}

/// <summary><see cref="DeadlineWarning.Classify"/> at the current time with the configured thresholds, for injection.</summary>
public sealed class DeadlineLights(TimeProvider time, IOptionsMonitor<DeadlineWarningOptions> options)
{
    public DeadlineLight Classify(DateTimeOffset due, DateTimeOffset? start = null) =>
        DeadlineWarning.Classify(due, time.GetUtcNow(), start, options.CurrentValue);
}
