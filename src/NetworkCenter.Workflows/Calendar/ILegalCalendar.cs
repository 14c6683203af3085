namespace NetworkCenter.Workflows.Calendar;

/// <summary>
/// Counts PRC legal periods (Civil Procedure Law Art. 85, Civil Code Arts 201-203): the day the period starts is not
/// counted; a month or year period ending on a day the month lacks ends on its last day; when the last day is a rest
/// day (a weekend not made a working day, or an official day off) the period ends on the next working day.
/// Intermediate rest days are not skipped. Rest days come from the holiday table that supervisors maintain; whether
/// a make-up working day counts as a working day is a setting (default: yes). Dates are in China Standard Time.
/// </summary>
public interface ILegalCalendar
{
    /// <summary>
    /// The last day of a period of <paramref name="isoPeriod"/> (an ISO 8601 date duration: <c>PnYnMnWnD</c>, calendar
    /// days) triggered on <paramref name="trigger"/>.
    /// </summary>
    Task<DateOnly> DueDateAsync(DateOnly trigger, string isoPeriod, CancellationToken cancellationToken);

    /// <summary>
    /// When a timer or task deadline of <paramref name="isoPeriod"/> counted on the legal calendar from
    /// <paramref name="start"/> falls due: the due date, at the same China Standard Time of day as the start.
    /// </summary>
    Task<DateTimeOffset> DueAsync(DateTimeOffset start, string isoPeriod, CancellationToken cancellationToken);
}
