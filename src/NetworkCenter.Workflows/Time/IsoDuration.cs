using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Time;

/// <summary>
/// An ISO 8601 duration <c>PnYnMnWnDTnHnMnS</c> (only seconds may have a fraction). Years, months and days are calendar
/// units: adding <c>P1M</c> to 31 January gives the last day of February, as <see cref="DateTimeOffset.AddMonths"/> does.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Weeks, int Days, int Hours, int Minutes, decimal Seconds)
{
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success || match.Length <= 1 || match.Value.EndsWith('T'))
        {
            return false;
        }

        try
        {
            duration = new IsoDuration(
                Int(match, "y"), Int(match, "mo"), Int(match, "w"), Int(match, "d"), Int(match, "h"), Int(match, "mi"),
                match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"\"{text}\" is not an ISO 8601 duration");

    /// <summary>The instant this duration after <paramref name="start"/> (calendar units first, then the clock units).</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddYears(Years).AddMonths(Months).AddDays((Weeks * 7) + Days)
            .AddHours(Hours).AddMinutes(Minutes).AddTicks((long)(Seconds * TimeSpan.TicksPerSecond));

    /// <summary>This duration taken <paramref name="times"/> times, unit by unit (so <c>P1M</c> × 2 is <c>P2M</c>).</summary>
    public IsoDuration Times(int times) =>
        new(Years * times, Months * times, Weeks * times, Days * times, Hours * times, Minutes * times, Seconds * times);

    /// <summary>True when the duration has only whole days, weeks, months or years (what a legal period may be).</summary>
    public bool IsDateOnly => Hours == 0 && Minutes == 0 && Seconds == 0;

    public bool IsZero => this == default;

    public override string ToString()
    {
        var date = $"{Part(Years, 'Y')}{Part(Months, 'M')}{Part(Weeks, 'W')}{Part(Days, 'D')}";
        var time = $"{Part(Hours, 'H')}{Part(Minutes, 'M')}{(Seconds == 0 ? "" : Seconds.ToString(CultureInfo.InvariantCulture) + "S")}";
        return time.Length == 0 ? $"P{(date.Length == 0 ? "0D" : date)}" : $"P{date}T{time}";
    }

    private static string Part(int value, char unit) => value == 0 ? "" : $"{value}{unit}";

    private static int Int(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<y>\d{1,6})Y)?(?:(?<mo>\d{1,6})M)?(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,7})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<mi>\d{1,8})M)?(?:(?<s>\d{1,10}(?:[.,]\d{1,7})?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
