using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class ClockFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public void ManualClockMode_MakesEveryClockReadComeFromTheManualClock_AtItsConfiguredStart()
    {
        var clock = app.Service<TimeProvider>();

        Assert.IsType<ManualClock>(clock);
        Assert.Same(app.Service<ManualClock>(), clock);
        Assert.True(clock.GetUtcNow() >= new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        Assert.True(clock.GetUtcNow() < new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero), "the manual clock must not follow the real one");
    }

    [Fact]
    public void ManualClock_MovesOnlyForward()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(new DateTimeOffset(2026, 1, 4, 0, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
