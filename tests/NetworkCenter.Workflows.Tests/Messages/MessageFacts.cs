using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Messages;

public sealed class MessageFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Message_CorrelatesByNameAndBusinessKey_ToTheWaitingCatchEvent()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-events.bpmn"));
        var other = await client.StartAsync("messages", businessKey: "clue-other");
        var id = await client.StartAsync("messages", businessKey: "clue-1");

        var response = await client.MessageAsync("reply", "clue-1", variables: new { answer = "agreed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instance = await client.InstanceAsync(id);
        Assert.Equal(["handle"], instance.ActiveElementIds);
        Assert.Equal("agreed", instance.Variables["answer"]!.GetValue<string>());
        Assert.Equal(["waitReply"], (await client.InstanceAsync(other)).ActiveElementIds);
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "message-correlated" && j.User == "admin");
    }

    [Fact]
    public async Task Message_CorrelatesByInstanceId()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-events.bpmn"));
        var id = await client.StartAsync("messages");

        Assert.Equal(HttpStatusCode.OK, (await client.MessageAsync("reply", instanceId: id)).StatusCode);

        Assert.Equal(["handle"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task Message_Returns404_WhenNothingWaits()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-events.bpmn"));
        var id = await client.StartAsync("messages", businessKey: "clue-404");

        Assert.Equal(HttpStatusCode.NotFound, (await client.MessageAsync("reply", "no-such-key")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.MessageAsync("withdraw", "clue-404")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.MessageAsync("no-such-message")).StatusCode);
        Assert.Equal(["waitReply"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task InterruptingMessageBoundary_CancelsTheTask()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-events.bpmn"));
        var id = await client.StartAsync("messages", businessKey: "clue-withdraw");
        await client.MessageAsync("reply", "clue-withdraw");

        Assert.Equal(HttpStatusCode.OK, (await client.MessageAsync("withdraw", "clue-withdraw")).StatusCode);

        Assert.Equal("completed", (await client.InstanceAsync(id)).Status);
        Assert.Empty(await client.TasksAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.MessageAsync("nudge", "clue-withdraw")).StatusCode);
    }

    [Fact]
    public async Task NonInterruptingMessageBoundary_AddsAToken_AndTheTaskStays()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-events.bpmn"));
        var id = await client.StartAsync("messages", businessKey: "clue-nudge");
        await client.MessageAsync("reply", "clue-nudge");

        Assert.Equal(HttpStatusCode.OK, (await client.MessageAsync("nudge", "clue-nudge")).StatusCode);

        Assert.Equal(["answerNudge", "handle"], (await client.TasksAsync(id)).Select(t => t.ElementId).Order());
    }

    [Fact]
    public async Task MessageStartEvent_StartsAnInstanceWithTheBusinessKey()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("message-start.bpmn"));

        var response = await client.MessageAsync("clue-received", "clue-new", variables: new { source = "liaison" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(result["started"]!.GetValue<bool>());
        var instance = await client.InstanceAsync(result["instanceId"]!.GetValue<Guid>());
        Assert.Equal(("messageStart", "liaison"), (instance.DefinitionKey, instance.Variables["source"]!.GetValue<string>()));
        Assert.Equal(["register"], instance.ActiveElementIds);
    }
}
