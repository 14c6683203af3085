using System.Net.Http.Json;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Runtime;

public sealed class GatewayFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Theory]
    [InlineData(50, "small")]
    [InlineData(500, "alsoSmall")]
    [InlineData(5000, "large")]
    public async Task Exclusive_TakesFirstTrueConditionInDocumentOrder(int amount, string expected)
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("exclusive-gateway.bpmn"));

        var id = await client.StartAsync("exclusive", new { amount });

        Assert.Equal([expected], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "other")]
    public async Task Exclusive_TakesDefaultFlow_WhenNoConditionHolds(bool approved, string expected)
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("exclusive-gateway-default.bpmn"));

        var id = await client.StartAsync("exclusiveDefault", new { approved });

        Assert.Equal([expected], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task Exclusive_RaisesIncident_WhenNoConditionHoldsAndNoDefault_AndRetryRunsItAgain()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("exclusive-gateway.bpmn"));

        var id = await client.StartAsync("exclusive", new { amount = 5_000_000 });

        var instance = await client.InstanceAsync(id);
        Assert.Equal("incident", instance.Status);
        Assert.Equal(["decide"], instance.ActiveElementIds);
        var incidents = await client.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>($"/api/incidents?instanceId={id}");
        var incident = Assert.Single(incidents!);
        Assert.Equal("decide", incident["elementId"]!.GetValue<string>());
        var retry = await client.PostAsync($"/api/incidents/{incident["id"]}/retry", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, retry.StatusCode);
        // Still no condition holds: a new incident, the old one resolved.
        Assert.Single((await client.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>($"/api/incidents?instanceId={id}"))!);
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "incident-resolved");
    }

    [Fact]
    public async Task Parallel_ForksToEveryFlow_AndJoinsWhenAllArrived()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("parallel-gateway.bpmn"));
        var id = await client.StartAsync("parallel");
        Assert.Equal(["a", "b", "c"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.CompleteTaskAsync(id, "a");
        await client.CompleteTaskAsync(id, "c");
        Assert.Equal(["b", "join"], (await client.InstanceAsync(id)).ActiveElementIds.Order());

        await client.CompleteTaskAsync(id, "b");
        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Single(await client.TasksAsync(id));
    }

    [Fact]
    public async Task Inclusive_ForksOnTrueConditions_AndJoinsOnlyThose()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("inclusive-gateway.bpmn"));
        var id = await client.StartAsync("inclusive", new { needA = true, needB = true });
        Assert.Equal(["a", "b"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.CompleteTaskAsync(id, "a");
        Assert.Equal(["b", "join"], (await client.InstanceAsync(id)).ActiveElementIds.Order());

        await client.CompleteTaskAsync(id, "b");
        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task Inclusive_TakesDefault_WhenNoConditionHolds_AndJoinPassesTheSingleToken()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("inclusive-gateway.bpmn"));
        var id = await client.StartAsync("inclusive", new { needA = false, needB = false });
        Assert.Equal(["c"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.CompleteTaskAsync(id, "c");

        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task InclusiveJoin_Waits_WhileATokenCanStillArriveThroughALoop()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("inclusive-join-loop.bpmn"));
        var id = await client.StartAsync("inclusiveLoop");

        await client.CompleteTaskAsync(id, "quick");
        Assert.Equal(["draft", "join"], (await client.InstanceAsync(id)).ActiveElementIds.Order());
        await client.CompleteTaskAsync(id, "draft", new { ok = false });
        Assert.Equal(["draft", "join"], (await client.InstanceAsync(id)).ActiveElementIds.Order());

        await client.CompleteTaskAsync(id, "draft", new { ok = true });

        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
    }
}
