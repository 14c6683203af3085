using Dapper;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class StaleLockApp : EngineApp
{
    protected override bool UseManualClock => false;
}

/// <summary>
/// Found by the fault harness (RELIABILITY.md): a service process killed with SIGKILL while it held Hangfire's
/// delayed-job or recurring-job lock left the lock row behind, and no timer fired in any process until
/// Hangfire.PostgreSql's 10-minute lock timeout passed. The host now takes over such a lock after a minute.
/// </summary>
public sealed class StaleLockFacts(StaleLockApp app) : IClassFixture<StaleLockApp>
{
    [Fact]
    public async Task Timer_FiresOnTime_WhenAKilledProcessLeftTheSchedulersLocksBehind()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("real-clock-timer.bpmn"));
        await using (var connection = await app.OpenConnectionAsync())
        {
            // The rows a process killed 90 s ago leaves; the live scheduler may be between its own acquire and
            // release, which deletes the row, so write until the stale rows stay.
            const string leave = """
                insert into hangfire.lock (resource, updatecount, acquired)
                values ('hangfire:locks:schedulepoller', 0, now() - interval '90 seconds'),
                       ('hangfire:recurring-jobs:lock', 0, now() - interval '90 seconds')
                on conflict (resource) do update set acquired = excluded.acquired
                """;
            do
            {
                await connection.ExecuteAsync(leave);
            }
            while (await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.lock where acquired < now() - interval '80 seconds'") < 2);
        }

        var id = await client.StartAsync("realClockTimer");

        await client.EventuallyAsync(id, i => i.Status == "completed", "the one-second timer fired although a dead process held the scheduler's lock");
    }

    [Fact]
    public async Task AHostStarts_WhenAKilledProcessLeftARecurringJobsLockBehind()
    {
        _ = app.Server;
        await using (var connection = await app.OpenConnectionAsync())
        {
            // Left 30 s ago by a process killed while it triggered the hand-over: younger than the lock timeout, and
            // older than the 15 s Hangfire's registration waits before it gives up (which failed the whole start).
            const string leave = """
                insert into hangfire.lock (resource, updatecount, acquired)
                values ('hangfire:lock:recurring-job:engine-timer-handover', 0, now() - interval '30 seconds')
                on conflict (resource) do update set acquired = excluded.acquired
                """;
            do
            {
                await connection.ExecuteAsync(leave);
            }
            while (await connection.ExecuteScalarAsync<int>("select count(*) from hangfire.lock where acquired < now() - interval '25 seconds'") < 1);
        }

        await using var restarted = new SecondEngineHost(app);
        await restarted.InitializeAsync();
        _ = restarted.Server;

        var client = await restarted.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("real-clock-timer.bpmn"));
    }
}
