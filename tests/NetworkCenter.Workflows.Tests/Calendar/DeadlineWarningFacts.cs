using NetworkCenter.Workflows.Calendar;

namespace NetworkCenter.Workflows.Tests.Calendar;

public sealed class DeadlineWarningFacts
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, Cst);
    private static readonly DeadlineWarningOptions Defaults = new();

    [Theory]
    [InlineData(0, "green")] // 15 days left
    [InlineData(11, "green")] // 4 days left, more than 20 % of 15 days
    [InlineData(12, "yellow")] // 3 days left = 20 % of 15 days
    [InlineData(13, "yellow")] // 2 days left
    [InlineData(15, "yellow")] // the due instant itself
    public void Classify_ByDaysElapsedOfAFifteenDayPeriod(int daysElapsed, string expected)
    {
        var due = Start.AddDays(15);

        var light = DeadlineWarning.Classify(due, Start.AddDays(daysElapsed), Start, Defaults);

        Assert.Equal(expected, light.ToCode());
    }

    [Fact]
    public void Classify_IsRed_OnceTheDueInstantHasPassed()
    {
        var due = Start.AddDays(7);

        Assert.Equal(DeadlineLight.Red, DeadlineWarning.Classify(due, due.AddSeconds(1), Start, Defaults));
    }

    [Fact]
    public void Classify_UsesTheShareOfTheWholePeriod_ForLongPeriods()
    {
        var due = Start.AddMonths(3); // 92 days: yellow from about 18.4 days before

        Assert.Equal(DeadlineLight.Green, DeadlineWarning.Classify(due, due.AddDays(-19), Start, Defaults));
        Assert.Equal(DeadlineLight.Yellow, DeadlineWarning.Classify(due, due.AddDays(-18), Start, Defaults));
    }

    [Fact]
    public void Classify_WithoutAStart_UsesOnlyTheDaysThreshold()
    {
        var due = Start.AddMonths(3);

        Assert.Equal(DeadlineLight.Green, DeadlineWarning.Classify(due, due.AddDays(-3), null, Defaults));
        Assert.Equal(DeadlineLight.Yellow, DeadlineWarning.Classify(due, due.AddDays(-2), null, Defaults));
    }

    [Fact]
    public void Classify_FollowsConfiguredThresholds()
    {
        var options = new DeadlineWarningOptions { YellowWithinDays = 5, YellowFraction = 0 };
        var due = Start.AddMonths(3);

        Assert.Equal(DeadlineLight.Yellow, DeadlineWarning.Classify(due, due.AddDays(-5), Start, options));
        Assert.Equal(DeadlineLight.Green, DeadlineWarning.Classify(due, due.AddDays(-6), Start, options));
    }

    [Fact]
    public void Classify_ComparesInstants_WhateverTheirOffsets()
    {
        var due = new DateTimeOffset(2026, 3, 10, 0, 0, 0, Cst);
        var nowInUtc = new DateTimeOffset(2026, 3, 9, 16, 0, 1, TimeSpan.Zero); // 1 s after due

        Assert.Equal(DeadlineLight.Red, DeadlineWarning.Classify(due, nowInUtc, null, Defaults));
    }
}
