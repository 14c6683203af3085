using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Runtime;

public sealed class EndEventFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task MessageEndEvent_SendsThroughItsTopicHandler_ThenCompletes()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("end-events.bpmn"));

        var id = await client.StartAsync("endEvents", new { input = "notice" });

        await client.EventuallyAsync(id, i => i.Status == "completed", "message sent and instance completed");
        Assert.Contains(app.Handlers.Calls, c => c.InstanceId == id && c.ElementId == "notify");
    }
}
