using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkCenter.Workflows.Calendar;

/// <summary>The <see cref="ILegalCalendar"/> over the cached holiday table.</summary>
internal sealed class LegalCalendar(HolidayCache cache, IOptionsMonitor<LegalCalendarOptions> options, ILogger<LegalCalendar> logger)
    : ILegalCalendar
{
    /// <summary>China Standard Time: UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<int, bool> _warnedYears = new();

    public async Task<DateOnly> DueDateAsync(DateOnly trigger, string isoPeriod, CancellationToken cancellationToken)
    {
        if (!IsoDatePeriod.TryParse(isoPeriod, out var period, out var reason))
        {
            throw new ArgumentException($"'{isoPeriod}' is not a legal period: {reason}", nameof(isoPeriod));
        }
        var calendar = (await CalendarAsync(cancellationToken)).WithMakeUpDaysAsWorkingDays(options.CurrentValue.MakeUpDaysAreWorkingDays);
        var due = calendar.DueDate(trigger, period);
        if (!calendar.Covers(due.Year) && _warnedYears.TryAdd(due.Year, true))
        {
            logger.LogWarning(
                "The holiday table has no entries for {Year}: periods ending that year skip only weekends until a supervisor enters the State Council's notice",
                due.Year);
        }
        return due;
    }

    public async Task<DateTimeOffset> DueAsync(DateTimeOffset start, string isoPeriod, CancellationToken cancellationToken)
    {
        var local = start.ToOffset(ChinaStandardTime).DateTime;
        var due = await DueDateAsync(DateOnly.FromDateTime(local), isoPeriod, cancellationToken);
        return new DateTimeOffset(due.ToDateTime(TimeOnly.FromDateTime(local)), ChinaStandardTime);
    }

    /// <summary>The holiday table as it stands, for callers that classify many days at once.</summary>
    public ValueTask<HolidayCalendar> CalendarAsync(CancellationToken cancellationToken) => cache.GetAsync(cancellationToken);
}
