using System.Net;
using Dapper;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Tasks;

/// <summary>
/// A command's last round trip carries its writes and its <c>commit</c> together: a write that fails there must leave
/// nothing behind, and the pooled connection it ran on must serve the next command as if nothing happened.
/// </summary>
public sealed class CommitInBatchFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Complete_RollsBackEverything_WhenAWriteOfTheFinalBatchFails_AndTheNextCommandsSucceed()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });
        var task = await client.SingleTaskAsync(id, "review");
        await using var connection = await app.OpenConnectionAsync();
        // The journal goes with the final batch: refuse the line that ends the instance, the batch's last write.
        await connection.ExecuteAsync(
            """
            create function engine.refuse_for_test() returns trigger language plpgsql as $$
            begin raise exception 'refused for the test'; end $$;
            create trigger refuse_for_test before insert on engine.journal for each row
                when (new.kind = 'instance-completed') execute function engine.refuse_for_test();
            """);

        var refused = await client.TryCompleteAsync(task.Id, new { approved = true });

        await connection.ExecuteAsync("drop trigger refuse_for_test on engine.journal; drop function engine.refuse_for_test();");
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        var instance = await client.InstanceAsync(id);
        Assert.Equal("active", instance.Status);
        Assert.Equal(["review"], instance.ActiveElementIds);
        Assert.False(instance.Variables.ContainsKey("approved"));
        Assert.Equal(task.Id, (await client.SingleTaskAsync(id, "review")).Id);
        Assert.DoesNotContain(await client.HistoryAsync(id), j => j.Kind == "task-completed");
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*)::int from pg_stat_activity where datname = current_database() and state = 'idle in transaction'"));
        // More commands than the pool has connections, so the one the failure ran on serves some of them.
        for (var i = 0; i < 25; i++)
        {
            var other = await client.StartAsync("userTask", new { reviewer = "admin" });
            await client.CompleteTaskAsync(other, "review");
            Assert.Equal("completed", (await client.InstanceAsync(other)).Status);
        }
        await client.CompleteAsync(task.Id, new { approved = true });
        Assert.Equal("completed", (await client.InstanceAsync(id)).Status);
    }
}
