using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Tasks;

/// <summary>TaskCommands.AssignAsync: hands an open task to someone else, journalled; a closed task is refused like a claim.</summary>
public sealed class AssignTaskFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly Actor ClueAdministrator = new("li", new HashSet<string> { "clue-administrator" });

    [Fact]
    public async Task Assign_GivesTheTaskToTheNewAssignee_AndJournalsThePreviousOneAndWho()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "zhang" });
        var task = await client.SingleTaskAsync(id, "review");

        await app.Service<TaskCommands>().AssignAsync(task.Id, "wang", ClueAdministrator, CancellationToken.None);

        Assert.Equal("wang", (await client.SingleTaskAsync(id, "review")).Assignee);
        var assigned = Assert.Single(await client.HistoryAsync(id), j => j.Kind == "task-assigned");
        Assert.Equal(("review", "li"), (assigned.ElementId, assigned.User));
        Assert.Equal(("zhang", "wang"), (assigned.Data!["previousAssignee"]!.GetValue<string>(), assigned.Data["assignee"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Assign_Returns409_WhenTheTaskIsNoLongerOpen_AndChangesNothing()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });
        var task = await client.SingleTaskAsync(id, "review");
        await client.CompleteAsync(task.Id);

        var refused = await Assert.ThrowsAsync<EngineException>(() =>
            app.Service<TaskCommands>().AssignAsync(task.Id, "wang", ClueAdministrator, CancellationToken.None));

        Assert.Equal(EngineError.Conflict, refused.Error);
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "task-assigned");
    }
}
