using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Tests.Support;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class SweeperFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Sweeper_FiresADueTimerWhoseJobWasNeverDispatched()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer.bpmn"));
        var id = await client.StartAsync("boundaryTimer");
        // The clock moves without the advance call: nothing hands the due timer to Hangfire, as after a crash.
        app.Service<ManualClock>().Advance(TimeSpan.FromHours(2));
        Assert.Equal(["work"], (await client.InstanceAsync(id)).ActiveElementIds);

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Sweeper>().SweepAsync(CancellationToken.None);

        await client.EventuallyAsync(id, i => i.ActiveElementIds.SequenceEqual(["escalated"]), "the swept timer fired");
    }
}
