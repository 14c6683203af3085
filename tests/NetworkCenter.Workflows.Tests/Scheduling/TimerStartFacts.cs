using Dapper;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class TimerStartFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task TimerStartEvent_IsScheduledOnDeploy_FiresEachRepetition_AndIsReplacedOnRedeploy()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("timer-start.bpmn"));
        await using var db = await app.OpenConnectionAsync();
        async Task<int> Started(int version) => await db.ExecuteScalarAsync<int>(
            "select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id where d.key = 'weeklyCollection' and d.version = @version",
            new { version });

        await client.AdvanceAsync("P1D");
        Assert.Equal(1, await Started(1));
        await client.AdvanceAsync("P2D");
        Assert.Equal(3, await Started(1));
        await client.AdvanceAsync("P1D");
        Assert.Equal(3, await Started(1));

        var v2 = await client.DeployAsync(EngineClient.Fixture("timer-start-v2.bpmn"));
        Assert.Equal(2, v2.Version);
        await client.AdvanceAsync("P7D");
        Assert.Equal((3, 1), (await Started(1), await Started(2)));
        Assert.Equal(1, await db.ExecuteScalarAsync<int>(
            "select count(*) from engine.timers t join engine.definitions d on d.id = t.definition_id where d.key = 'weeklyCollection' and t.status = 'pending'"));
    }

    [Fact]
    public async Task Redeploy_CancelsThePreviousVersionsPendingStartTimers()
    {
        var client = await app.SignedInClientAsync();
        var xml = EngineClient.Fixture("timer-start.bpmn").Replace("weeklyCollection", "replaced", StringComparison.Ordinal);
        await client.DeployAsync(xml);
        await client.DeployAsync(xml.Replace("R3/P1D", "R/P30D", StringComparison.Ordinal));

        await using var db = await app.OpenConnectionAsync();
        var statuses = await db.QueryAsync<(int Version, string Status)>(
            """
            select d.version, t.status from engine.timers t join engine.definitions d on d.id = t.definition_id
            where d.key = 'replaced' order by d.version
            """);
        Assert.Equal([(1, "cancelled"), (2, "pending")], statuses);
    }
}
