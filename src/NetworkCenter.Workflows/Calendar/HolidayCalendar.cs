namespace NetworkCenter.Workflows.Calendar;

/// <summary>
/// One immutable view of the holiday table and the rules of CPL Art. 85 over it: which days are rest days and where
/// a period ends. Pure, so the rules are tested without a database.
/// </summary>
public sealed class HolidayCalendar
{
    // A year has far fewer consecutive rest days than this; a longer run means the table is wrong, not the law.
    private const int MaxConsecutiveRestDays = 60;

    private readonly Dictionary<DateOnly, HolidayKind> _days;
    private readonly HashSet<int> _years;

    public HolidayCalendar(IEnumerable<KeyValuePair<DateOnly, HolidayKind>> days, bool makeUpDaysAreWorkingDays)
    {
        _days = new Dictionary<DateOnly, HolidayKind>(days);
        _years = [.. _days.Keys.Select(d => d.Year)];
        MakeUpDaysAreWorkingDays = makeUpDaysAreWorkingDays;
    }

    public static HolidayCalendar Empty { get; } = new([], makeUpDaysAreWorkingDays: true);

    public bool MakeUpDaysAreWorkingDays { get; }

    /// <summary>Whether the table lists anything for <paramref name="year"/>; if not, only weekends are rest days that year.</summary>
    public bool Covers(int year) => _years.Contains(year);

    public HolidayCalendar WithMakeUpDaysAsWorkingDays(bool value) =>
        value == MakeUpDaysAreWorkingDays ? this : new HolidayCalendar(_days, value);

    /// <summary>Saturday or Sunday unless made a working day (and the setting counts it as one), plus every official day off.</summary>
    public bool IsRestDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var kind))
        {
            return kind == HolidayKind.DayOff
                || (!MakeUpDaysAreWorkingDays && IsWeekend(date));
        }
        return IsWeekend(date);
    }

    /// <summary>
    /// The last day of <paramref name="period"/> triggered on <paramref name="trigger"/>: the trigger day is not
    /// counted, months and years end on the corresponding day or the month's end, and a last day that is a rest day
    /// moves to the next working day. Rest days inside the period still count.
    /// </summary>
    public DateOnly DueDate(DateOnly trigger, IsoDatePeriod period)
    {
        var day = period.AddTo(trigger);
        for (var moved = 0; IsRestDay(day); moved++)
        {
            if (moved == MaxConsecutiveRestDays)
            {
                throw new InvalidOperationException(
                    $"More than {MaxConsecutiveRestDays} consecutive rest days follow {period.AddTo(trigger):yyyy-MM-dd}; check the holiday table.");
            }
            day = day.AddDays(1);
        }
        return day;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
