using System.Net;
using Dapper;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Tests.Support;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Tests.Scheduling;

/// <summary>A second service host on the first one's database, with its own Hangfire server, clock and container.</summary>
public sealed class SecondEngineHost(EngineApp first) : EngineApp
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);
}

/// <summary>Two hosts on one database, as two service processes run in production; the second starts once the first has migrated.</summary>
public sealed class TwoEngineHosts : IAsyncLifetime
{
    public TwoEngineHosts() => Second = new SecondEngineHost(First);

    public EngineApp First { get; } = new();

    public SecondEngineHost Second { get; }

    public IEnumerable<EngineApp> Both => [First, Second];

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        _ = First.Server;
        await Second.InitializeAsync();
        _ = Second.Server;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

/// <summary>
/// Issue #3: with two service processes on one database, no timer takes effect twice and no job is lost, because every
/// Hangfire job re-checks its row in its own transaction; and a task completed through both at once completes once.
/// </summary>
public sealed class TwoHostsFacts(TwoEngineHosts hosts) : IClassFixture<TwoEngineHosts>
{
    private const int Instances = 30;

    [Fact]
    public async Task TimersDueAtOneInstant_FireOnceEach_AndEveryJobRuns_WhenBothHostsDispatchThem()
    {
        var first = await hosts.First.SignedInClientAsync();
        var second = await hosts.Second.SignedInClientAsync();
        await first.DeployAsync(EngineClient.Fixture("two-hosts.bpmn"));
        var ids = new List<Guid>();
        for (var i = 0; i < Instances; i++)
        {
            ids.Add(await (i % 2 == 0 ? first : second).StartAsync("twoHosts"));
        }

        // Both clocks reach the instant, then both hosts hand every due timer to Hangfire at once: each timer gets a job
        // from each host, and the two servers' workers run them against each other.
        foreach (var host in hosts.Both)
        {
            host.Service<ManualClock>().Advance(TimeSpan.FromHours(1));
        }
        var now = hosts.First.Service<TimeProvider>().GetUtcNow();
        await Task.WhenAll(hosts.Both.Select(host => host.Service<ClockAdvancer>().RunDueWorkAsync(now, CancellationToken.None)));

        await Eventually.HoldsAsync(async () => await OpenApprovalsAsync() == Instances, "every instance reached its approval task");
        await using var connection = await hosts.First.OpenConnectionAsync();
        var fired = (await connection.QueryAsync<(Guid Instance, long Fires, long Completions)>("""
            select instance_id, count(*) filter (where kind = 'timer-fired'), count(*) filter (where kind = 'service-task-completed')
            from engine.journal where instance_id = any(@ids) group by instance_id
            """, new { ids })).ToList();
        Assert.Equal(Instances, fired.Count);
        Assert.All(fired, f => Assert.Equal((1L, 1L), (f.Fires, f.Completions)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from engine.timers where instance_id = any(@ids) and status <> 'fired'", new { ids }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "select count(*) from engine.jobs where instance_id = any(@ids) and status <> 'done'", new { ids }));
        // Both servers did the work: the handler ran in each host's container.
        Assert.All(hosts.Both, host => Assert.NotEmpty(host.Handlers.Calls));
    }

    [Fact]
    public async Task ATaskCompletedThroughBothHostsAtOnce_CompletesOnce_AndTheOtherGets409()
    {
        var first = await hosts.First.SignedInClientAsync();
        var second = await hosts.Second.SignedInClientAsync();
        await first.DeployAsync(EngineClient.Fixture("two-hosts.bpmn"));
        var ids = new List<Guid>();
        for (var i = 0; i < Instances; i++)
        {
            ids.Add(await (i % 2 == 0 ? first : second).StartAsync("twoHosts"));
        }
        foreach (var host in hosts.Both)
        {
            host.Service<ManualClock>().Advance(TimeSpan.FromHours(1));
        }
        var now = hosts.First.Service<TimeProvider>().GetUtcNow();
        await hosts.First.Service<ClockAdvancer>().RunDueWorkAsync(now, CancellationToken.None);
        var tasks = await Task.WhenAll(ids.Select(id => Eventually.ReturnsAsync(async () =>
            (await first.TasksAsync(id)).SingleOrDefault(t => t.ElementId == "approve"), $"instance {id} waits for approval")));

        var answers = await Task.WhenAll(tasks.Select(async task =>
        {
            var both = await Task.WhenAll(first.TryCompleteAsync(task.Id), second.TryCompleteAsync(task.Id));
            return both.Select(r => r.StatusCode).Order().ToArray();
        }));

        Assert.All(answers, a => Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], a));
        await using var connection = await hosts.First.OpenConnectionAsync();
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<int>(
            "select count(*) from engine.journal where instance_id = any(@ids) and kind = 'task-completed'", new { ids }));
        Assert.Equal(Instances, await connection.ExecuteScalarAsync<int>(
            "select count(*) from engine.instances where id = any(@ids) and status = 'completed'", new { ids }));
    }

    private async Task<int> OpenApprovalsAsync()
    {
        await using var connection = await hosts.First.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("""
            select count(*) from engine.tasks t join engine.instances i on i.id = t.instance_id
            join engine.definitions d on d.id = i.definition_id
            where d.key = 'twoHosts' and t.element_id = 'approve' and t.status = 'open'
            """);
    }
}
