using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Runtime;

public sealed class ActivityFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task ServiceAndSendTasks_RunTheirHandlerAfterCommit_AndSetItsVariables()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("service-task.bpmn"));

        var id = await client.StartAsync("serviceTask", new { input = "hello" }, businessKey: "clue-7");

        var instance = await client.EventuallyAsync(id, i => i.ActiveElementIds.SequenceEqual(["after"]), "both external tasks done");
        Assert.Equal("hello", instance.Variables["echoed"]!.GetValue<string>());
        var call = Assert.Single(app.Handlers.Calls, c => c.InstanceId == id && c.ElementId == "call");
        Assert.Equal(("clue-7", "echo", "hello"), (call.BusinessKey, call.Topic, call.GetString("input")));
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "service-task-completed" && j.ElementId == "notify");
    }

    [Fact]
    public async Task ServiceTask_IsRetriedWithBackoff_ThenAnIncident_ThatTheApiRetries()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("service-task-flaky.bpmn"));
        app.Handlers.FailuresLeft = 3;

        var id = await client.StartAsync("flakyTask");
        await Eventually.HoldsAsync(async () => (await client.HistoryAsync(id)).Any(j => j.Kind == "service-task-failed"), "first failure");
        await client.AdvanceAsync("PT10S");
        await client.AdvanceAsync("PT1M");

        var instance = await client.EventuallyAsync(id, i => i.Status == "incident", "incident after the third attempt");
        Assert.Equal(["call"], instance.ActiveElementIds);
        var incident = Assert.Single((await client.GetFromJsonAsync<List<JsonObject>>($"/api/incidents?instanceId={id}"))!);
        Assert.Contains("remote system is down", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var retry = await client.PostAsync($"/api/incidents/{incident["id"]}/retry", null);

        Assert.Equal(HttpStatusCode.NoContent, retry.StatusCode);
        instance = await client.EventuallyAsync(id, i => i.ActiveElementIds.SequenceEqual(["after"]), "retried successfully");
        Assert.Equal("active", instance.Status);
        Assert.True(instance.Variables["flakyDone"]!.GetValue<bool>());
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "incident-resolved" && j.User == "admin");
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/incidents/{incident["id"]}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task BpmnErrorFromHandler_IsCaughtByTheErrorBoundaryEvent()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("service-task-error.bpmn"));

        var id = await client.StartAsync("errorBoundary");

        await client.EventuallyAsync(id, i => i.ActiveElementIds.SequenceEqual(["handleRejection"]), "error caught");
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "error-caught" && j.ElementId == "onRejected");
    }

    [Fact]
    public async Task ScriptTask_SetsVariablesThroughExecution_AndItsResultVariable()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("script-task.bpmn"));

        var id = await client.StartAsync("scriptTask", new { amount = 21 });

        var instance = await client.InstanceAsync(id);
        Assert.Equal(["after"], instance.ActiveElementIds);
        Assert.Equal(42, instance.Variables["total"]!.GetValue<double>());
        Assert.Equal("clue-21", instance.Variables["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubProcess_CompletesWhenAllItsTokensEnd()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("sub-process.bpmn"));
        var id = await client.StartAsync("subProcess", new { abort = false });
        Assert.Equal(["review", "read", "check"], (await client.InstanceAsync(id)).ActiveElementIds);

        await client.CompleteTaskAsync(id, "read");
        await client.CompleteTaskAsync(id, "check");

        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
    }

    [Fact]
    public async Task TerminateEndInSubProcess_EndsOnlyTheSubProcessTokens()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("sub-process.bpmn"));
        var id = await client.StartAsync("subProcess", new { abort = true });

        await client.CompleteTaskAsync(id, "check");

        Assert.Equal(["after"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Equal(["after"], (await client.TasksAsync(id)).Select(t => t.ElementId));
    }

    [Fact]
    public async Task BoundaryTimerOnSubProcess_InterruptsEverythingInside()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("sub-process.bpmn"));
        var id = await client.StartAsync("subProcess", new { abort = false });

        await client.AdvanceAsync("P10D");

        Assert.Equal(["late"], (await client.InstanceAsync(id)).ActiveElementIds);
        Assert.Equal(["late"], (await client.TasksAsync(id)).Select(t => t.ElementId));
    }

    [Fact]
    public async Task TerminateEndEvent_EndsEveryTokenOfTheProcess()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("terminate-end.bpmn"));
        var id = await client.StartAsync("terminate");

        await client.CompleteTaskAsync(id, "a");

        var instance = await client.InstanceAsync(id);
        Assert.Equal("terminated", instance.Status);
        Assert.Empty(instance.ActiveElementIds);
        Assert.Empty(await client.TasksAsync(id));
    }

    [Fact]
    public async Task CallActivity_PassesVariablesInAndOutByName_AndTheBusinessKey()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("call-activity.bpmn"));
        var id = await client.StartAsync("caller", new { clue = "C-1", secret = "x" }, businessKey: "bk-call");
        var child = Assert.Single(await client.TasksAsync(), t => t.ElementId == "judge" && t.InstanceId != id);
        var called = await client.InstanceAsync(child.InstanceId);
        Assert.Equal(("callee", "C-1"), (called.DefinitionKey, called.Variables["item"]!.GetValue<string>()));
        Assert.False(called.Variables.ContainsKey("secret"));

        await client.CompleteAsync(child.Id, new { verdict = "protest", noise = 1 });

        var instance = await client.EventuallyAsync(id, i => i.ActiveElementIds.SequenceEqual(["after"]), "caller resumed");
        Assert.Equal("protest", instance.Variables["result"]!.GetValue<string>());
        Assert.False(instance.Variables.ContainsKey("noise"));
        Assert.Equal("completed", (await client.InstanceAsync(child.InstanceId)).Status);
    }

    [Fact]
    public async Task CallActivity_PassesAllVariables_AndIsTerminatedWithItsInterruptedCaller()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("call-activity-all.bpmn"));
        var id = await client.StartAsync("callerAll", new { n = 4 });
        var child = Assert.Single(await client.TasksAsync(), t => t.ElementId == "wait" && t.InstanceId != id);
        Assert.Equal(8, (await client.InstanceAsync(child.InstanceId)).Variables["doubled"]!.GetValue<double>());

        await client.AdvanceAsync("P5D");

        Assert.Equal("completed", (await client.InstanceAsync(id)).Status);
        Assert.Equal("terminated", (await client.InstanceAsync(child.InstanceId)).Status);
        Assert.Empty(await client.TasksAsync(child.InstanceId));
    }

    [Fact]
    public async Task ParallelMultiInstance_CreatesOneTaskPerItem_AndEndsOnItsCompletionCondition()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("multi-instance-parallel.bpmn"));
        var id = await client.StartAsync("miParallel", new { members = new[] { "wang", "li", "zhao" } });
        var votes = await client.TasksAsync(id);
        Assert.Equal(["li", "wang", "zhao"], votes.Select(t => t.Assignee).Order());

        await client.CompleteAsync(votes[0].Id);
        Assert.Equal(2, (await client.TasksAsync(id)).Count);
        await client.CompleteAsync(votes[1].Id);

        Assert.Equal(["after"], (await client.TasksAsync(id)).Select(t => t.ElementId));
        Assert.False((await client.InstanceAsync(id)).Variables.ContainsKey("nrOfInstances"));
    }

    [Fact]
    public async Task SequentialMultiInstanceSubProcess_RunsOneAfterAnother_UntilItsCompletionCondition()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("multi-instance-sequential.bpmn"));
        var id = await client.StartAsync("miSequential", new { done = false });

        await client.CompleteTaskAsync(id, "step");
        Assert.Equal(["step"], (await client.TasksAsync(id)).Select(t => t.ElementId));
        await client.CompleteTaskAsync(id, "step", new { done = true });

        Assert.Equal(["after"], (await client.TasksAsync(id)).Select(t => t.ElementId));
        Assert.Equal(2, (await client.HistoryAsync(id)).Count(j => j.Kind == "task-completed"));
    }

    [Fact]
    public async Task SequentialMultiInstance_RunsLoopCardinalityTimes()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("multi-instance-sequential.bpmn"));
        var id = await client.StartAsync("miSequential", new { done = false });

        for (var i = 0; i < 3; i++)
        {
            await client.CompleteTaskAsync(id, "step");
        }

        Assert.Equal(["after"], (await client.TasksAsync(id)).Select(t => t.ElementId));
    }
}
