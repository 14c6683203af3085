using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Instances;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Instances;

/// <summary>InstanceVariableCommands: variables set from outside reach the tasks created afterwards, journalled; 404 and 409 like the other commands.</summary>
public sealed class SetVariablesFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private const string TwoReviews = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
          <bpmn:process id="twoReviews" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
            <bpmn:userTask id="first" camunda:assignee="${reviewer}" />
            <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
            <bpmn:userTask id="second" camunda:assignee="${reviewer}" />
            <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Set_GivesTheNextTaskToTheNewValue_AndJournalsOldAndNewAndWho()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(TwoReviews);
        var id = await client.StartAsync("twoReviews", new { reviewer = "admin", reason = "r" });
        var first = await client.SingleTaskAsync(id, "first");

        var changed = await app.Service<InstanceVariableCommands>().SetAsync(id,
            new JsonObject { ["reviewer"] = "wang", ["reason"] = "r", ["note"] = "n" }, "li", CancellationToken.None);
        await client.CompleteAsync(first.Id);

        Assert.Equal(["reviewer", "note"], changed);
        Assert.Equal("admin", first.Assignee);
        Assert.Equal("wang", (await client.SingleTaskAsync(id, "second")).Assignee);
        var set = Assert.Single(await client.HistoryAsync(id), j => j.Kind == "variables-set");
        Assert.Equal("li", set.User);
        var variables = set.Data!["variables"]!.AsObject();
        Assert.Equal(["note", "reviewer"], variables.Select(v => v.Key).Order());
        Assert.Equal(("admin", "wang"), (variables["reviewer"]!["before"]!.GetValue<string>(), variables["reviewer"]!["after"]!.GetValue<string>()));
        Assert.Null(variables["note"]!["before"]);
    }

    [Fact]
    public async Task Set_Returns404ForNoSuchInstance_And409ForAnEndedOne_ChangingNothing()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(TwoReviews);
        var id = await client.StartAsync("twoReviews", new { reviewer = "admin" });
        await client.CompleteTaskAsync(id, "first");
        await client.CompleteTaskAsync(id, "second");
        var commands = app.Service<InstanceVariableCommands>();

        var missing = await Assert.ThrowsAsync<EngineException>(() =>
            commands.SetAsync(Guid.CreateVersion7(), new JsonObject { ["reviewer"] = "wang" }, "li", CancellationToken.None));
        var ended = await Assert.ThrowsAsync<EngineException>(() =>
            commands.SetAsync(id, new JsonObject { ["reviewer"] = "wang" }, "li", CancellationToken.None));

        Assert.Equal(EngineError.NotFound, missing.Error);
        Assert.Equal(EngineError.Conflict, ended.Error);
        Assert.Equal("admin", (await client.InstanceAsync(id)).Variables["reviewer"]!.GetValue<string>());
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "variables-set");
    }
}
