namespace NetworkCenter.Workflows.Calendar;

/// <summary>What the State Council's notice makes of a date: an official day off, or a weekend day worked instead (调休上班).</summary>
public enum HolidayKind
{
    DayOff,
    MakeUpWorkingDay,
}

public static class HolidayKinds
{
    public const string DayOff = "day-off";
    public const string MakeUpWorkingDay = "make-up-working-day";

    public static string ToCode(this HolidayKind kind) => kind switch
    {
        HolidayKind.DayOff => DayOff,
        HolidayKind.MakeUpWorkingDay => MakeUpWorkingDay,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? code, out HolidayKind kind)
    {
        switch (code)
        {
            case DayOff:
                kind = HolidayKind.DayOff;
                return true;
            case MakeUpWorkingDay:
                kind = HolidayKind.MakeUpWorkingDay;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}

/// <summary>One row of the holiday table, with who last changed it.</summary>
public sealed record Holiday(DateOnly Date, HolidayKind Kind, string Name, string? Source, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>One journaled change of the holiday table: <c>put</c> with the new values, or <c>delete</c> with the removed ones.</summary>
public sealed record HolidayChange(
    DateOnly Date, string Action, string? Kind, string? Name, string? Source, string ChangedBy, DateTimeOffset ChangedAt);
