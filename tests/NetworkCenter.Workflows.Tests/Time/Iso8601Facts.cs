using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Tests.Time;

public sealed class Iso8601Facts
{
    private static readonly DateTimeOffset Created = new(2026, 1, 31, 9, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("P7D", 0, 0, 0, 7, 0, 0, 0)]
    [InlineData("P1Y2M3W4DT5H6M7.5S", 1, 2, 3, 4, 5, 6, 7.5)]
    [InlineData("PT36H", 0, 0, 0, 0, 36, 0, 0)]
    [InlineData("PT0,5S", 0, 0, 0, 0, 0, 0, 0.5)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, 0)]
    public void Duration_ParsesEveryUnit(string text, int y, int mo, int w, int d, int h, int mi, double s)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new IsoDuration(y, mo, w, d, h, mi, (decimal)s), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("7D")]
    [InlineData("P7X")]
    [InlineData("P1.5D")]
    [InlineData("p7d")]
    [InlineData("PT1S1M")]
    [InlineData("P99999999999D")]
    public void Duration_RejectsWhatIsNotIso8601(string text)
    {
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Fact]
    public void Duration_AddsCalendarUnitsFirst_ClampingToTheMonthEnd()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 30, 0, TimeSpan.FromHours(8)), IsoDuration.Parse("P1M").AddTo(Created));
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 11, 30, 0, TimeSpan.FromHours(8)), IsoDuration.Parse("P1W1DT2H").AddTo(Created));
        Assert.Equal("P1Y2M3W4DT5H6M7.5S", IsoDuration.Parse("P1Y2M3W4DT5H6M7.5S").ToString());
    }

    [Theory]
    [InlineData("2026-03-01T09:00:00+08:00", "2026-03-01T01:00:00Z")]
    [InlineData("2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z")]
    [InlineData("2026-03-01T09:00", "2026-03-01T01:00:00Z")]
    [InlineData("2026-03-01", "2026-02-28T16:00:00Z")]
    [InlineData("2026-03-01T09:00:00.250-05:00", "2026-03-01T14:00:00.25Z")]
    public void DateTime_ParsesWithOrWithoutOffset_DefaultingToChinaStandardTime(string text, string utc)
    {
        Assert.True(IsoDateTime.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-02-30")]
    [InlineData("01/03/2026")]
    [InlineData("2026-03-01T25:00:00Z")]
    [InlineData("2026-03-01T09:00:00+15:00")]
    public void DateTime_RejectsInvalidDates(string text)
    {
        Assert.False(IsoDateTime.TryParse(text, out _));
    }

    [Fact]
    public void Cycle_Unbounded_FiresEveryPeriodFromCreation()
    {
        Assert.True(IsoRepeatingInterval.TryParse("R/P7D", out var cycle));

        Assert.Null(cycle.Repetitions);
        Assert.Equal(Created.AddDays(7), TimerSchedule.FirstDue(TimerKind.Cycle, "R/P7D", Created));
        Assert.Equal(Created.AddDays(14), TimerSchedule.NextDue(TimerKind.Cycle, "R/P7D", Created, Created.AddDays(7)));
        Assert.Equal(Created.AddDays(7000), cycle.Occurrence(Created, 1000));
    }

    [Fact]
    public void Cycle_WithCount_StopsAfterTheLastRepetition()
    {
        var due = new List<DateTimeOffset>();
        for (var next = TimerSchedule.FirstDue(TimerKind.Cycle, "R3/P1D", Created); next is { } d; next = TimerSchedule.NextDue(TimerKind.Cycle, "R3/P1D", Created, d))
        {
            due.Add(d);
        }

        Assert.Equal([Created.AddDays(1), Created.AddDays(2), Created.AddDays(3)], due);
    }

    [Fact]
    public void Cycle_WithStart_FiresAtTheStart_AndSkipsMissedFirings()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(start, TimerSchedule.FirstDue(TimerKind.Cycle, "R3/2026-01-01T00:00:00Z/P1D", start.AddDays(-5)));
        Assert.Equal(start.AddDays(2), TimerSchedule.FirstDue(TimerKind.Cycle, "R3/2026-01-01T00:00:00Z/P1D", start.AddDays(1).AddHours(1)));
        Assert.Null(TimerSchedule.FirstDue(TimerKind.Cycle, "R3/2026-01-01T00:00:00Z/P1D", start.AddDays(3)));
    }

    [Fact]
    public void Cycle_WithEnd_StopsAtTheEnd()
    {
        Assert.True(IsoRepeatingInterval.TryParse("R/P1D/2026-02-02T09:30:00+08:00", out var cycle));

        Assert.Equal((Created.AddDays(2), 2), cycle.NextAfter(Created, Created.AddDays(1)));
        Assert.Null(cycle.NextAfter(Created, Created.AddDays(2)));
    }

    [Theory]
    [InlineData("R3/P1D/P2D")]
    [InlineData("P7D")]
    [InlineData("R/P0D")]
    [InlineData("Rx/P1D")]
    [InlineData("R3")]
    [InlineData("R3/2026-01-01T00:00:00Z/2026-02-01T00:00:00Z")]
    public void Cycle_RejectsWhatIsNotASupportedRepeatingInterval(string text)
    {
        Assert.False(IsoRepeatingInterval.TryParse(text, out _));
    }

    [Fact]
    public void TimerSchedule_ComputesDateDurationAndTaskDates()
    {
        Assert.Equal(Created.AddDays(7), TimerSchedule.FirstDue(TimerKind.Duration, "P7D", Created));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), TimerSchedule.FirstDue(TimerKind.Date, "2026-03-01T09:00:00", Created));
        Assert.Null(TimerSchedule.NextDue(TimerKind.Duration, "P7D", Created, Created.AddDays(7)));
        Assert.Equal(Created.AddDays(3), TimerSchedule.TaskDate("P3D", Created));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)), TimerSchedule.TaskDate("2026-03-01", Created));
        Assert.Null(TimerSchedule.TaskDate("tomorrow", Created));
        Assert.Throws<FormatException>(() => TimerSchedule.FirstDue(TimerKind.Duration, "soon", Created));
    }
}
