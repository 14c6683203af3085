using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Forms;

/// <summary>
/// The strings form-js's datetime component submits: dates as <c>yyyy-MM-dd</c>; times as <c>HH:mm</c> followed, per
/// <c>timeSerializingFormat</c>, by nothing (<c>no_timezone</c>), <c>Z</c> (<c>utc_normalized</c>) or an offset
/// (<c>utc_offset</c>, the default, where <c>Z</c> is accepted as offset zero); date-times join the two with <c>T</c>.
/// </summary>
internal static partial class DateTimeFormats
{
    public static bool IsDate(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsTime(string text, string? format)
    {
        var match = Time().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var zone = match.Groups["zone"].Value;
        return format switch
        {
            "no_timezone" => zone.Length == 0,
            "utc_normalized" => zone == "Z",
            _ => zone.Length > 0,
        };
    }

    public static bool IsDateTime(string text, string? format) =>
        text.Length > 11 && text[10] == 'T' && IsDate(text[..10]) && IsTime(text[11..], format);

    public static string DescribeZone(string? format) => format switch
    {
        "no_timezone" => "",
        "utc_normalized" => "Z",
        _ => "+08:00",
    };

    [GeneratedRegex(@"^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,3})?)?(?<zone>Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?$", RegexOptions.None, 100)]
    private static partial Regex Time();
}
