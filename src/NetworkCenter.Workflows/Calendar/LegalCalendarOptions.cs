namespace NetworkCenter.Workflows.Calendar;

/// <summary>Settings under <c>Calendar</c>.</summary>
public sealed class LegalCalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// Whether a make-up working day (a weekend day worked under the State Council's notice) is a working day on which
    /// a period may end. CPL Art. 85 does not settle it; the prevailing practical view, and the default, is yes.
    /// </summary>
    public bool MakeUpDaysAreWorkingDays { get; set; } = true;

    /// <summary>
    /// How old the in-memory copy of the holiday table may grow before it is read again, so that a change made by
    /// another process is seen within this time. Changes made through this process apply at once.
    /// </summary>
    public TimeSpan HolidayRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
