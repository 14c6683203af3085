using System.Globalization;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Validation;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// The period <c>[From, To)</c> of CST calendar dates (UTC+08:00, no daylight saving) a statistic covers, the optional
/// clue kind it is limited to, and the instant <see cref="AsOf"/> up to which later events (adoption, outcomes) count:
/// by default the present, so a month's figures are those of the clues given that month with what came of them since.
/// </summary>
internal sealed record StatisticsPeriod(DateOnly From, DateOnly To, string? Kind, DateTimeOffset AsOf)
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Ten years: longer periods are a mistake in the parameters, not a question.</summary>
    public const int MaxDays = 3660;

    public DateTimeOffset FromInstant => Instant(From);

    public DateTimeOffset ToInstant => Instant(To);

    /// <summary>The same number of days just before this period, for the fields that grow.</summary>
    public StatisticsPeriod Previous => this with { From = From.AddDays(From.DayNumber - To.DayNumber), To = From };

    public static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), ChinaStandardTime);

    /// <summary>The CST calendar month <paramref name="month"/> (yyyy-MM).</summary>
    public static StatisticsPeriod Month(int year, int month, DateTimeOffset asOf, string? kind = null) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1), kind, asOf);

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> (yyyy-MM-dd, <c>to</c> excluded) or <c>month</c> (yyyy-MM), <c>kind</c> and
    /// <c>asOf</c> (an ISO 8601 instant); every problem is named by its parameter.
    /// </summary>
    internal static StatisticsPeriod? Parse(string? from, string? to, string? month, string? kind, string? asOf, DateTimeOffset now,
        FieldErrors errors)
    {
        DateOnly? start = null, end = null;
        if (month is not null)
        {
            if (from is not null || to is not null)
            {
                errors.Add("month", FieldMessages.MonthOrRange());
            }
            else if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                (start, end) = (first, first.AddMonths(1));
            }
            else
            {
                errors.Add("month", FieldMessages.NotAMonth(month));
            }
        }
        else
        {
            start = Date("from", from, errors);
            end = Date("to", to, errors);
            if (start is { } s && end is { } e && e <= s)
            {
                errors.Add("to", FieldMessages.EndsBeforeStart(e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            else if (start is { } s2 && end is { } e2 && e2.DayNumber - s2.DayNumber > MaxDays)
            {
                errors.Add("to", FieldMessages.PeriodTooLong(MaxDays));
            }
        }
        var cleanKind = errors.OneOf("kind", kind, ClueVocabulary.Kinds, required: false);
        var at = now;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                at = parsed;
            }
            else
            {
                errors.Add("asOf", FieldMessages.NotAnInstant(asOf));
            }
        }
        return errors.Any || start is null || end is null ? null : new StatisticsPeriod(start.Value, end.Value, cleanKind, at);
    }

    private static DateOnly? Date(string field, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, FieldMessages.PeriodBoundRequired());
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, FieldMessages.NotADate(value));
        return null;
    }
}
