using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Calendar;

/// <summary>
/// An ISO 8601 date duration (<c>PnYnMnWnD</c>) as the legal calendar counts it: calendar years, months, weeks and
/// days. Time components (<c>PT…</c>) are refused: a legal period in hours starts from the next hour, not the next
/// day, and is not what the calendar counts.
/// </summary>
public readonly partial record struct IsoDatePeriod(int Years, int Months, int Weeks, int Days)
{
    // Far beyond any legal period, small enough that adding it never overflows before DateOnly's range check.
    private const int MaxComponent = 100_000;

    public static IsoDatePeriod Parse(string? value) =>
        TryParse(value, out var period, out var reason)
            ? period
            : throw new ArgumentException($"'{value}' is not a legal period: {reason}", nameof(value));

    public static bool TryParse(string? value, out IsoDatePeriod period, out string reason)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            reason = "a period such as P7D, P2W, P3M or P1Y is required.";
            return false;
        }
        if (value.Length > 64)
        {
            reason = "the value is too long for a period.";
            return false;
        }
        var match = Pattern().Match(value.Trim());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success))
        {
            reason = value.Contains('T', StringComparison.OrdinalIgnoreCase)
                ? "the legal calendar counts whole days (PnYnMnWnD); time components such as PT48H are not allowed."
                : "expected an ISO 8601 date duration PnYnMnWnD, such as P7D, P2W, P3M or P1Y.";
            return false;
        }
        var parts = new int[4];
        for (var i = 0; i < 4; i++)
        {
            var group = match.Groups[i + 1];
            if (!group.Success)
            {
                continue;
            }
            if (!int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]) || parts[i] > MaxComponent)
            {
                reason = $"{group.Value} is too large.";
                return false;
            }
        }
        period = new IsoDatePeriod(parts[0], parts[1], parts[2], parts[3]);
        reason = "";
        return true;
    }

    /// <summary>
    /// The raw last day before any roll-forward: years and months land on the corresponding day or the month's last
    /// day (Civil Code Art. 202), then weeks and days are added; the start day itself is never counted.
    /// </summary>
    public DateOnly AddTo(DateOnly start)
    {
        try
        {
            // DateOnly.AddMonths keeps the day of month or, when the month is shorter, clamps to its last day.
            return start.AddMonths((Years * 12) + Months).AddDays((Weeks * 7) + Days);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ArgumentException($"The period {this} from {start:yyyy-MM-dd} ends outside the supported range of dates.", nameof(start));
        }
    }

    public override string ToString()
    {
        if (Years == 0 && Months == 0 && Weeks == 0 && Days == 0)
        {
            return "P0D";
        }
        return "P"
            + (Years != 0 ? FormattableString.Invariant($"{Years}Y") : "")
            + (Months != 0 ? FormattableString.Invariant($"{Months}M") : "")
            + (Weeks != 0 ? FormattableString.Invariant($"{Weeks}W") : "")
            + (Days != 0 ? FormattableString.Invariant($"{Days}D") : "");
    }

    [GeneratedRegex(@"^[Pp](?:([0-9]+)[Yy])?(?:([0-9]+)[Mm])?(?:([0-9]+)[Ww])?(?:([0-9]+)[Dd])?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
