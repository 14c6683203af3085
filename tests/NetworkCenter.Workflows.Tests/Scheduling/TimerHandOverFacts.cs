using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Tests.Support;
using Npgsql;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class TimerHandOverFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(2);

    [Fact]
    public void Timer_WithinTheHorizon_IsDispatchedAtCommit_AndALaterOneIsNot()
    {
        var context = new CommandContext(null!, null!, Now, null, Horizon);

        Assert.Equal(Now, context.HandOverTimer(Guid.NewGuid(), Now + Horizon));
        Assert.Null(context.HandOverTimer(Guid.NewGuid(), Now + Horizon + TimeSpan.FromSeconds(1)));
        Assert.Single(context.Dispatches);
    }

    [Fact]
    public async Task FarTimer_GetsNoJobUntilItEntersTheHorizon_ThenExactlyOne_EvenWithTwoHandOversAtOnce()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("timer-boundary.bpmn"));
        var id = await client.StartAsync("timerBoundary");
        var (timerId, due) = await TimerAsync(id);
        Assert.Null(await HandedOverAtAsync(timerId));
        var jobs = new RecordingJobClient();
        var handOver = HandOver(jobs, due - TimeSpan.FromHours(1));

        await handOver.HandOverAsync(due - Horizon - TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.DoesNotContain(timerId, jobs.TimerIds);

        var now = due - Horizon + TimeSpan.FromSeconds(1);
        await Task.WhenAll(handOver.HandOverAsync(now, CancellationToken.None), handOver.HandOverAsync(now, CancellationToken.None));
        await handOver.HandOverAsync(now, CancellationToken.None);

        Assert.Single(jobs.TimerIds, timerId);
        Assert.Equal(now, await HandedOverAtAsync(timerId));
    }

    [Fact]
    public async Task FarTimer_FiresOnce_WhenTheManualClockPassesIt_AndAgainSweptOrRunDoesNothing()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("timer-boundary.bpmn"));
        var id = await client.StartAsync("timerBoundary");
        var (timerId, _) = await TimerAsync(id);

        await client.AdvanceAsync("PT1H");
        await app.Service<Sweeper>().SweepAsync(CancellationToken.None);
        await app.Service<Sweeper>().SweepAsync(CancellationToken.None);
        await Task.WhenAll(app.Service<TimerFiring>().FireAsync(timerId, CancellationToken.None), app.Service<TimerFiring>().FireAsync(timerId, CancellationToken.None));

        var instance = await client.EventuallyAsync(id, i => i.Status == "completed", "the timer ended the instance");
        Assert.Empty(instance.ActiveElementIds);
        await Task.Delay(500);
        Assert.Single(await client.HistoryAsync(id), j => j.Kind == "timer-fired");
    }

    private TimerHandOver HandOver(RecordingJobClient jobs, DateTimeOffset clockNow)
    {
        // A clock that is not the manual clock: the scheduler then schedules future timers as in production.
        var clock = new FixedClock(clockNow);
        return new TimerHandOver(app.Service<NpgsqlDataSource>(), clock, new EngineScheduler(jobs, clock),
            Options.Create(new WorkflowOptions { TimerHorizon = Horizon }));
    }

    private async Task<(Guid Id, DateTimeOffset Due)> TimerAsync(Guid instanceId)
    {
        await using var connection = await app.OpenConnectionAsync();
        var (id, due) = await connection.QuerySingleAsync<(Guid, DateTime)>(
            "select id, due_at from engine.timers where instance_id = @instanceId and status = 'pending'", new { instanceId });
        return (id, new DateTimeOffset(due, TimeSpan.Zero));
    }

    private async Task<DateTimeOffset?> HandedOverAtAsync(Guid timerId)
    {
        await using var connection = await app.OpenConnectionAsync();
        var at = await connection.QuerySingleAsync<DateTime?>("select handed_over_at from engine.timers where id = @timerId", new { timerId });
        return at is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : null;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        private readonly List<Guid> _timerIds = [];

        public IReadOnlyList<Guid> TimerIds
        {
            get
            {
                lock (_timerIds)
                {
                    return [.. _timerIds];
                }
            }
        }

        public string Create(Job job, IState state)
        {
            lock (_timerIds)
            {
                if (job.Type == typeof(TimerJob))
                {
                    _timerIds.Add((Guid)job.Args[0]);
                }
                return Guid.NewGuid().ToString();
            }
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
