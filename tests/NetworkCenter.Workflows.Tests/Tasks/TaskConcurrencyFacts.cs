using System.Diagnostics;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Tasks;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Tasks;

public sealed class TaskConcurrencyFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Complete_OnAnotherInstance_DoesNotWaitForALockedInstance()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var locked = await client.StartAsync("userTask", new { reviewer = "admin" });
        var free = await client.StartAsync("userTask", new { reviewer = "admin" });
        await using var db = await app.OpenConnectionAsync();
        await using var transaction = await db.BeginTransactionAsync();
        await db.ExecuteAsync("select 1 from engine.instances where id = @locked for update", new { locked }, transaction);

        var watch = Stopwatch.StartNew();
        await client.CompleteTaskAsync(free, "review");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal("completed", (await client.InstanceAsync(free)).Status);
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Complete_IsForbidden_ForAnyoneButTheAssignee_OnceTheTaskIsAssigned()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "zhang" });
        var task = await client.SingleTaskAsync(id, "review");
        var tasks = app.Service<TaskCommands>();

        var refused = await Assert.ThrowsAsync<EngineException>(() =>
            tasks.CompleteAsync(task.Id, null, new Actor("zhou", new HashSet<string> { "liaison" }), CancellationToken.None));
        Assert.Equal(EngineError.Forbidden, refused.Error);

        // A candidate group member may not complete (or unclaim) a task assigned to somebody else: it is the assignee's.
        var candidate = new Actor("wu", new HashSet<string> { "department-head" });
        Assert.Equal(EngineError.Forbidden, (await Assert.ThrowsAsync<EngineException>(() =>
            tasks.CompleteAsync(task.Id, null, candidate, CancellationToken.None))).Error);
        Assert.Equal(EngineError.Forbidden, (await Assert.ThrowsAsync<EngineException>(() =>
            tasks.UnclaimAsync(task.Id, candidate, CancellationToken.None))).Error);

        await tasks.CompleteAsync(task.Id, null, new Actor("zhang", new HashSet<string>()), CancellationToken.None);
        Assert.Contains(await client.HistoryAsync(id), j => j.Kind == "task-completed" && j.User == "zhang");
    }
}
