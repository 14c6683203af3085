using System.Net.Http.Json;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class TimerFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task InterruptingBoundaryTimer_FiresAtDueTime_AndCancelsTheActivity()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer.bpmn"));
        var id = await client.StartAsync("boundaryTimer");

        await client.AdvanceAsync("PT59M");
        Assert.Equal(["work"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.AdvanceAsync("PT1M");
        Assert.Equal(["escalated"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Equal(["escalated"], (await client.TasksAsync(id)).Select(t => t.ElementId));
        var journal = await client.HistoryAsync(id);
        Assert.Contains(journal, j => j.Kind == "timer-fired" && j.ElementId == "deadline" && j.User is null);
        Assert.Contains(journal, j => j.Kind == "task-cancelled" && j.ElementId == "work");
    }

    [Fact]
    public async Task BoundaryTimer_IsCancelled_WhenItsActivityEnds()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer.bpmn"));
        var id = await client.StartAsync("boundaryTimer");

        await client.CompleteTaskAsync(id, "work");
        await client.AdvanceAsync("PT2H");

        Assert.Equal(["done"], (await client.InstanceAsync(id)).ActiveElementIds);
        await using var db = await app.OpenConnectionAsync();
        Assert.Equal("cancelled", await db.ExecuteScalarAsync<string>("select status from engine.timers where instance_id = @id", new { id }));
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "timer-fired");
    }

    [Fact]
    public async Task Timer_WhoseTokenMovedOn_DoesNothingWhenItFires()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer.bpmn"));
        var id = await client.StartAsync("boundaryTimer");
        await client.CompleteTaskAsync(id, "work");
        await using var db = await app.OpenConnectionAsync();
        // As if the cancellation had been lost: the row is pending but its execution is gone.
        await db.ExecuteAsync("update engine.timers set status = 'pending' where instance_id = @id", new { id });

        await client.AdvanceAsync("PT2H");

        Assert.Equal(["done"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Equal("fired", await db.ExecuteScalarAsync<string>("select status from engine.timers where instance_id = @id", new { id }));
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "timer-fired");
    }

    [Fact]
    public async Task Timer_FiredTwice_TakesEffectOnce()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer.bpmn"));
        var id = await client.StartAsync("boundaryTimer");
        await using var db = await app.OpenConnectionAsync();
        var timerId = await db.ExecuteScalarAsync<Guid>("select id from engine.timers where instance_id = @id", new { id });
        await client.AdvanceAsync("PT1H");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.Service<TimerFiring>().FireAsync(timerId, CancellationToken.None)));

        Assert.Single(await client.HistoryAsync(id), j => j.Kind == "timer-fired");
        Assert.Single(await client.TasksAsync(id), t => t.ElementId == "escalated");
    }

    [Fact]
    public async Task NonInterruptingCycleBoundaryTimer_FiresEachRepetition_AndTheActivityGoesOn()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("boundary-timer-non-interrupting.bpmn"));
        var id = await client.StartAsync("reminders");

        await client.AdvanceAsync("PT1H");
        Assert.Equal(["reminder", "work"], (await client.TasksAsync(id)).Select(t => t.ElementId).Order());
        await client.AdvanceAsync("PT1H");
        await client.AdvanceAsync("PT1H");

        Assert.Equal(["reminder", "reminder", "work"], (await client.TasksAsync(id)).Select(t => t.ElementId).Order());
        await client.CompleteTaskAsync(id, "work");
        Assert.Equal(["reminder", "reminder"], (await client.TasksAsync(id)).Select(t => t.ElementId));
        Assert.Equal(2, (await client.HistoryAsync(id)).Count(j => j.Kind == "timer-fired"));
    }

    [Fact]
    public async Task IntermediateTimers_WaitForTheirDurationExpressionAndDate()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("intermediate-timer.bpmn"));
        var now = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/clock"))!["now"]!.GetValue<DateTimeOffset>();
        var id = await client.StartAsync("intermediateTimer", new { waitFor = "PT2H" });
        Assert.Equal(["wait"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.AdvanceAsync("PT2H");
        var afterDuration = (await client.InstanceAsync(id)).ActiveElementIds;
        var date = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(8));
        if (now.AddHours(2) < date)
        {
            Assert.Equal(["waitUntil"], afterDuration);
            await client.AdvanceAsync("P4D");
        }

        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task EventBasedGateway_TimerWins_AndTheMessageNoLongerWaits()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("event-gateway.bpmn"));
        var id = await client.StartAsync("eventGateway", businessKey: "race-timer");

        await client.AdvanceAsync("P1D");

        Assert.Equal(["chase"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.MessageAsync("answer", "race-timer")).StatusCode);
    }

    [Fact]
    public async Task EventBasedGateway_MessageWins_AndTheTimerIsCancelled()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("event-gateway.bpmn"));
        var id = await client.StartAsync("eventGateway", businessKey: "race-message");

        Assert.True((await client.MessageAsync("answer", "race-message", variables: new { reply = "yes" })).IsSuccessStatusCode);
        await client.AdvanceAsync("P2D");

        var instance = await client.InstanceAsync(id);
        Assert.Equal(["read"], instance.ActiveElementIds);
        Assert.Equal("yes", instance.Variables["reply"]!.GetValue<string>());
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "timer-fired");
    }
}
