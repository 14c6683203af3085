using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>When a timer falls due: ISO 8601 dates, durations (added in calendar terms) and repeating intervals.</summary>
internal static partial class TimerSchedule
{
    /// <summary>A repeating interval <c>R[n]/[start/]duration</c>; <see cref="Repeats"/> is null for unbounded.</summary>
    public sealed record Cycle(int? Repeats, DateTimeOffset? Start, string Period);

    public static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new IncidentException($"'{text}' is not an ISO 8601 date-time.");

    public static bool IsDuration(string text) => DurationPattern().IsMatch(text.Trim());

    public static DateTimeOffset AddDuration(DateTimeOffset from, string duration)
    {
        var match = DurationPattern().Match(duration.Trim());
        if (!match.Success || duration.Trim() is "P" or "PT")
        {
            throw new IncidentException($"'{duration}' is not an ISO 8601 duration.");
        }
        static int Int(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        static double Real(Group g) => g.Success ? double.Parse(g.Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
        return from.AddYears(Int(match.Groups["y"])).AddMonths(Int(match.Groups["mo"]))
            .AddDays(7 * Int(match.Groups["w"]) + Int(match.Groups["d"]))
            .AddHours(Int(match.Groups["h"])).AddMinutes(Int(match.Groups["mi"])).AddSeconds(Real(match.Groups["s"]));
    }

    public static Cycle ParseCycle(string text)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            throw new IncidentException($"'{text}' is not an ISO 8601 repeating interval (R[n]/[start/]duration).");
        }
        int? repeats = parts[0].Length == 1 ? null : int.Parse(parts[0][1..], CultureInfo.InvariantCulture);
        DateTimeOffset? start = parts.Length == 3 ? ParseDate(parts[1]) : null;
        var period = parts[^1];
        if (!IsDuration(period))
        {
            throw new IncidentException($"'{period}' in '{text}' is not an ISO 8601 duration.");
        }
        return new Cycle(repeats, start, period);
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$")]
    private static partial Regex DurationPattern();
}
