using System.Net;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Tasks;

public sealed class UserTaskFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly DateTimeOffset ClockStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Start_CreatesTask_WithCamundaAttributesEvaluated()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));

        var id = await client.StartAsync("userTask", new { reviewer = "zhang" });

        var task = await client.SingleTaskAsync(id, "review");
        Assert.Equal("Review the clue", task.Name);
        Assert.Equal("zhang", task.Assignee);
        Assert.Equal(["clue-administrator", "department-head"], task.CandidateGroups);
        Assert.Equal("review.form", task.FormKey);
        Assert.Equal(ClockStart.AddDays(3), task.Due);
        Assert.Equal(ClockStart.AddDays(1), task.FollowUp);
        var instance = await client.InstanceAsync(id);
        Assert.Equal("active", instance.Status);
        Assert.Equal(["review"], instance.ActiveElementIds);
    }

    [Fact]
    public async Task Complete_SetsVariables_AndEndsInstance_WithJournalNamingTheUser()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });

        await client.CompleteTaskAsync(id, "review", new { approved = true });

        var instance = await client.InstanceAsync(id);
        Assert.Equal("completed", instance.Status);
        Assert.Empty(instance.ActiveElementIds);
        Assert.True(instance.Variables["approved"]!.GetValue<bool>());
        var journal = await client.HistoryAsync(id);
        var completed = Assert.Single(journal, j => j.Kind == "task-completed");
        Assert.Equal(("review", "admin"), (completed.ElementId, completed.User));
        Assert.True(completed.Data!["variables"]!["approved"]!.GetValue<bool>());
        Assert.Equal("instance-completed", journal[^1].Kind);
    }

    [Fact]
    public async Task Complete_Returns409_WhenTaskAlreadyCompleted()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });
        var task = await client.SingleTaskAsync(id, "review");
        await client.CompleteAsync(task.Id);

        var again = await client.TryCompleteAsync(task.Id);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Complete_SixConcurrentCompletions_GiveOneSuccessAndFive409s()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });
        var task = await client.SingleTaskAsync(id, "review");
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignedInClientAsync()));

        var responses = await Task.WhenAll(clients.Select(c => c.TryCompleteAsync(task.Id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await client.HistoryAsync(id), j => j.Kind == "task-completed");
    }

    [Fact]
    public async Task ListByCandidateGroup_ReturnsOpenTasksOrderedByDue()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var first = await client.StartAsync("userTask", new { reviewer = "li" });
        await client.AdvanceAsync("PT1H");
        var second = await client.StartAsync("userTask", new { reviewer = "li" });

        var tasks = await client.TasksAsync(candidateGroup: "department-head");

        var mine = tasks.Where(t => t.InstanceId == first || t.InstanceId == second).Select(t => t.InstanceId).ToList();
        Assert.Equal([first, second], mine);
    }

    [Fact]
    public async Task ClaimThenClaimByAnother_Returns409_AndUnclaimFrees()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "" });
        var task = await client.SingleTaskAsync(id, "review");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/tasks/{task.Id}/claim", null)).StatusCode);
        Assert.Equal("admin", (await client.SingleTaskAsync(id, "review")).Assignee);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/tasks/{task.Id}/unclaim", null)).StatusCode);
        Assert.Null((await client.SingleTaskAsync(id, "review")).Assignee);
        var kinds = (await client.HistoryAsync(id)).Select(j => j.Kind).ToList();
        Assert.Contains("task-claimed", kinds);
        Assert.Contains("task-unclaimed", kinds);
    }
}
