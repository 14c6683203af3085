using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Time;

/// <summary>ISO 8601 dates and date-times as written in <c>timeDate</c>, <c>dueDate</c> and repeating intervals.</summary>
public static partial class IsoDateTime
{
    /// <summary>
    /// The offset given to a date-time written without one: the center works in China Standard Time, and the server's
    /// own time zone must not change when a deadline falls due.
    /// </summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// Parses <c>2026-03-01</c>, <c>2026-03-01T09:30</c>, <c>2026-03-01T09:30:00.5</c>, each optionally followed by
    /// <c>Z</c> or <c>±hh:mm</c>; without an offset the time is in <see cref="DefaultOffset"/>.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        var local = match.Groups["local"].Value;
        if (!DateTime.TryParseExact(local, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return false;
        }

        var zone = match.Groups["zone"].Value;
        var offset = zone switch
        {
            "" => DefaultOffset,
            "Z" => TimeSpan.Zero,
            _ => (zone[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[4..6], CultureInfo.InvariantCulture), 0),
        };
        if (offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified), offset);
        return true;
    }

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)?)(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
