using System.Globalization;
using System.Text.Json.Serialization;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// A calendar month in China Standard Time, the procuratorate's: the report for March covers 03-01 00:00+08:00 up to
/// 04-01 00:00+08:00 and is built on April 1st.
/// </summary>
public readonly record struct ReportMonth(int Year, int Month) : IComparable<ReportMonth>
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    [JsonIgnore]
    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, ChinaStandardTime);

    [JsonIgnore]
    public DateTimeOffset End => Start.AddMonths(1);

    public ReportMonth AddMonths(int months) => FromLocal(Start.AddMonths(months));

    /// <summary>The month that ended last before <paramref name="instant"/> (the month before its local month).</summary>
    public static ReportMonth EndedBefore(DateTimeOffset instant) => FromLocal(instant.ToOffset(ChinaStandardTime)).AddMonths(-1);

    private static ReportMonth FromLocal(DateTimeOffset local) => new(local.Year, local.Month);

    /// <summary>"2026-03"; anything else is not a month.</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            month = new ReportMonth(parsed.Year, parsed.Month);
            return true;
        }
        return false;
    }

    public int CompareTo(ReportMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
