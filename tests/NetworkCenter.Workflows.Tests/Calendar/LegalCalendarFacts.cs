using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Workflows.Calendar;

namespace NetworkCenter.Workflows.Tests.Calendar;

/// <summary>CPL Art. 85 and Civil Code Arts 201-203 over the seeded 2025 and 2026 tables (research note §4).</summary>
public sealed class LegalCalendarFacts(CalendarDatabase database) : IClassFixture<CalendarDatabase>
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Theory]
    // §4.3 test vectors, make-up day = working day.
    [InlineData("2026-02-10", "P7D", "2026-02-24")] // raw 02-17 is Spring Festival
    [InlineData("2026-02-11", "P3D", "2026-02-14")] // raw Sat 02-14 is a make-up working day
    [InlineData("2026-09-15", "P15D", "2026-09-30")] // a working Wednesday
    [InlineData("2026-01-31", "P3M", "2026-04-30")] // no 31 April: month end
    public async Task DueDate_MatchesTheResearchNoteVectors(string trigger, string period, string expected)
    {
        var due = await database.Calendar().DueDateAsync(DateOnly.Parse(trigger), period, default);

        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Theory]
    [InlineData("2026-02-10", "P7D", "2026-02-24")]
    [InlineData("2026-02-11", "P3D", "2026-02-24")] // Sat 02-14 is a rest day after all, then the festival
    [InlineData("2026-09-15", "P15D", "2026-09-30")]
    [InlineData("2026-01-31", "P3M", "2026-04-30")]
    public async Task DueDate_TreatsMakeUpDaysAsRestDays_WhenTheSettingSaysSo(string trigger, string period, string expected)
    {
        var due = await database.Calendar(makeUpDaysAreWorkingDays: false).DueDateAsync(DateOnly.Parse(trigger), period, default);

        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Theory]
    [InlineData("2025-01-31", "P1M", "2025-02-28")] // no 31 February 2025
    [InlineData("2024-01-31", "P1M", "2024-02-29")] // leap year
    [InlineData("2026-03-31", "P2M", "2026-06-01")] // 05-31 is a Sunday, so Monday 06-01
    [InlineData("2026-08-31", "P1M", "2026-09-30")] // no 31 September
    [InlineData("2024-02-29", "P1Y", "2025-02-28")] // no 29 February 2025
    [InlineData("2025-03-10", "P1Y", "2026-03-10")] // corresponding day, a Tuesday
    [InlineData("2026-03-02", "P2W", "2026-03-16")] // a week is seven days
    [InlineData("2026-03-02", "P1M2W", "2026-04-16")] // months first, then weeks
    public async Task DueDate_EndsOnTheCorrespondingDayOrTheMonthsEnd(string trigger, string period, string expected)
    {
        var due = await database.Calendar().DueDateAsync(DateOnly.Parse(trigger), period, default);

        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Theory]
    [InlineData("2026-09-16", "P15D", "2026-10-08")] // raw 10-01, National Day: 10-08 is the first working day
    [InlineData("2025-09-16", "P15D", "2025-10-09")] // 2025: National Day and Mid-Autumn run to 10-08
    [InlineData("2025-01-21", "P7D", "2025-02-05")] // raw 01-28, Spring Festival 2025
    [InlineData("2025-01-23", "P3D", "2025-01-26")] // Sun 01-26, a 2025 make-up working day
    [InlineData("2025-05-28", "P3D", "2025-06-03")] // Dragon Boat 2025
    [InlineData("2026-03-02", "P5D", "2026-03-09")] // an ordinary Saturday moves to Monday
    public async Task DueDate_MovesALastDayOnARestDay_ToTheNextWorkingDay(string trigger, string period, string expected)
    {
        var due = await database.Calendar().DueDateAsync(DateOnly.Parse(trigger), period, default);

        Assert.Equal(DateOnly.Parse(expected), due);
    }

    [Fact]
    public async Task DueDate_CountsRestDaysInsideThePeriod()
    {
        // 2026-02-13 + 15 days = 02-28, a make-up working Saturday; the nine festival days inside still count.
        var due = await database.Calendar().DueDateAsync(new DateOnly(2026, 2, 13), "P15D", default);

        Assert.Equal(new DateOnly(2026, 2, 28), due);
    }

    [Fact]
    public async Task DueDate_OfAZeroPeriod_IsTheTriggerDay_OrTheNextWorkingDay()
    {
        var calendar = database.Calendar();

        Assert.Equal(new DateOnly(2026, 3, 2), await calendar.DueDateAsync(new DateOnly(2026, 3, 2), "P0D", default));
        Assert.Equal(new DateOnly(2026, 10, 8), await calendar.DueDateAsync(new DateOnly(2026, 10, 1), "P0D", default));
    }

    [Fact]
    public async Task DueAsync_KeepsTheChinaStandardTimeOfDay_OfTheStart()
    {
        var start = new DateTimeOffset(2026, 2, 10, 14, 35, 12, Cst);

        var due = await database.Calendar().DueAsync(start, "P7D", default);

        Assert.Equal(new DateTimeOffset(2026, 2, 24, 14, 35, 12, Cst), due);
        Assert.Equal(Cst, due.Offset);
    }

    [Fact]
    public async Task DueAsync_CountsFromTheChinaStandardTimeDate_OfAUtcStart()
    {
        // 2026-02-09 20:00 UTC is already 02-10 04:00 in Beijing.
        var start = new DateTimeOffset(2026, 2, 9, 20, 0, 0, TimeSpan.Zero);

        var due = await database.Calendar().DueAsync(start, "P7D", default);

        Assert.Equal(new DateTimeOffset(2026, 2, 24, 4, 0, 0, Cst), due);
        Assert.Equal(start.AddDays(14), due);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7D")]
    [InlineData("P")]
    [InlineData("PT48H")]
    [InlineData("P1DT2H")]
    [InlineData("P-3D")]
    [InlineData("P1.5D")]
    [InlineData("P3D2M")]
    [InlineData("P99999999999D")]
    [InlineData("seven days")]
    public async Task DueDate_RejectsAnInvalidPeriod_NamingTheValue(string period)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => database.Calendar().DueDateAsync(new DateOnly(2026, 3, 2), period, default));

        Assert.Equal("isoPeriod", error.ParamName);
        Assert.Contains($"'{period}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueDate_RejectsAPeriodEndingBeyondTheSupportedDates()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => database.Calendar().DueDateAsync(new DateOnly(9999, 1, 1), "P1Y", default));
    }

    [Fact]
    public async Task SeededMakeUpDays_AllFallOnWeekends_AndDaysOffAreNotWorkingDays()
    {
        var store = database.Services().GetRequiredService<HolidayStore>();

        var holidays = await store.ListAsync(null, default);

        Assert.All(holidays.Where(h => h.Kind == HolidayKind.MakeUpWorkingDay),
            h => Assert.True(h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{h.Date} is not a weekend"));
        Assert.Equal(11, holidays.Count(h => h.Kind == HolidayKind.MakeUpWorkingDay));
        Assert.Equal(28, holidays.Count(h => h.Kind == HolidayKind.DayOff && h.Date.Year == 2025));
        Assert.Equal(33, holidays.Count(h => h.Kind == HolidayKind.DayOff && h.Date.Year == 2026));
    }
}
