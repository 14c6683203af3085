using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Dapper;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Supervision.Tests.Procedures;
using NetworkCenter.Testing;
using Xunit.Abstractions;
using static NetworkCenter.Supervision.Tests.Hosting.OutageLoad;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>
/// PostgreSQL restarted under load: requests meanwhile answer 503 (never 500), the same service instance serves again
/// by itself, Hangfire runs jobs and timers again, and nothing is left half-done.
/// </summary>
public sealed class DatabaseOutageFacts(DatabaseOutageApp app, ITestOutputHelper output) : IClassFixture<DatabaseOutageApp>
{
    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="outage" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="outage-load" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:userTask id="work" name="Work" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="afterWait" />
            <bpmn:userTask id="afterWait" name="After the wait" />
            <bpmn:sequenceFlow id="f4" sourceRef="afterWait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static readonly HashSet<HttpStatusCode> Expected =
        [HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.ServiceUnavailable];

    [Theory]
    [InlineData(false)] // pg_ctl stop -m fast: clients disconnected, clean shutdown
    [InlineData(true)] // pg_ctl stop -m immediate: no checkpoint, crash recovery at the restart
    public async Task PostgresRestartUnderLoad_Answers503_RecoversWithoutARestart_AndLeavesNothingHalfDone(bool immediate)
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var admin = driver.Admin;
        (await admin.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var liaison = await driver.LiaisonAsync();
        var work = new ConcurrentQueue<Guid>();
        for (var i = 0; i < 60; i++)
        {
            var instance = await driver.StartAsync("outage-load", $"pre-{immediate}-{i}", new { });
            work.Enqueue(await WorkTaskOfAsync(instance));
        }
        await HealthAsync(HttpStatusCode.OK);

        var outcomes = new ConcurrentQueue<Outcome>();
        var phase = Phase.Before;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                outcomes.Enqueue(((w + n) % 3) switch
                {
                    0 => await RegisterAsync(admin, liaison, phase),
                    // Tasks are kept for each phase: the outage refuses requests as fast as they come.
                    1 when work.Count > phase switch { Phase.Stopping => 45, Phase.Down => 30, _ => 0 } && work.TryDequeue(out var task) =>
                        await CompleteAsync(admin, task, phase),
                    _ => await StartAsync(admin, phase),
                });
            }
        })).ToArray();

        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Count(o => o.Phase == Phase.Before && o.Succeeded) >= 15), "load with the database up");
        phase = Phase.Stopping;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await app.Cluster.InterruptAsync(immediate);
        var stopped = clock.Elapsed;
        phase = Phase.Down;
        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Count(o => o.Phase == Phase.Down && o.Status == HttpStatusCode.ServiceUnavailable) >= 30),
            "requests to be refused while PostgreSQL is down");
        await HealthAsync(HttpStatusCode.ServiceUnavailable);
        var restarting = clock.Elapsed;
        await app.Cluster.RestartAsync();
        var restarted = clock.Elapsed;
        // The test's own pool (not the service's) still holds connections from before the restart.
        Npgsql.NpgsqlConnection.ClearAllPools();
        phase = Phase.After;
        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Any(o => o.Phase == Phase.After && o.Succeeded)), "a first success after the restart");
        var recovered = clock.Elapsed;
        await Eventually.HoldsAsync(() => Task.FromResult(outcomes.Count(o => o.Phase == Phase.After && o.Succeeded) >= 30
                && outcomes.Any(o => o.Phase == Phase.After && o.Kind == Kind.Complete && o.Succeeded)),
            "the same service to serve again once PostgreSQL is back");
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        output.WriteLine($"{(immediate ? "immediate" : "fast")} stop took {stopped.TotalSeconds:0.0} s; down until {restarting.TotalSeconds:0.0} s; " +
            $"pg_ctl start took {(restarted - restarting).TotalSeconds:0.0} s; first 2xx {(recovered - restarted).TotalSeconds:0.00} s after it");
        foreach (var group in outcomes.GroupBy(o => (o.Phase, o.Kind, o.Status)).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key.Phase,-6} {group.Key.Kind,-9} {(int)group.Key.Status} × {group.Count()}");
        }
        Assert.All(outcomes, o => Assert.True(Expected.Contains(o.Status), $"{o.Kind} {o.Key} answered {(int)o.Status}: {o.Body}"));
        var refused = outcomes.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(refused, o => Assert.True(o.RetryAfter, $"{o.Kind} {o.Key}: 503 without Retry-After"));
        Assert.Contains(refused, o => o.Body.Contains("\"title\":\"The database is unavailable.\"", StringComparison.Ordinal));
        Assert.All(Enum.GetValues<Kind>(), kind => Assert.Contains(outcomes, o => o.Phase == Phase.Down && o.Kind == kind && o.Status == HttpStatusCode.ServiceUnavailable));
        Assert.Contains(outcomes, o => o.Phase == Phase.After && o.Kind == Kind.Complete && o.Succeeded);
        Assert.Contains(outcomes, o => o.Phase == Phase.After && o.Kind == Kind.Register && o.Succeeded);
        await HealthAsync(HttpStatusCode.OK);

        // Hangfire runs new work again: a registration's service task and its mail, and the timers of every wait.
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.MailAsync(liaison.Email, $"线索办理进展 {number}：已登记");
        await driver.TaskAsync(clueId, "Triage");
        await driver.AdvanceAsync("PT1H");
        // A registration cut off between its commit and the start of its intake is picked up by the intake sweep.
        var swept = await app.Service<StartClueIntake>().StartMissingAsync(CancellationToken.None);
        output.WriteLine($"registrations cut off before their intake started, started by the sweep: {swept}");
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = await app.OpenConnectionAsync();
            return await db.ExecuteScalarAsync<int>("select count(*) from engine.jobs where status = 'pending'") == 0;
        }, "the service tasks of the swept intakes to run");

        await using (var db = await app.OpenConnectionAsync())
        {
            // For the record (Hangfire.PostgreSql#410): whether the long-polling LISTEN connections came back.
            output.WriteLine($"LISTEN connections after the restart: {await db.ExecuteScalarAsync<int>("select count(*) from pg_stat_activity where query ilike 'listen%'")}");
        }
        await AssertNothingHalfDoneAsync([.. outcomes], await driver.NowAsync());
    }

    private async Task AssertNothingHalfDoneAsync(IReadOnlyList<Outcome> outcomes, DateTimeOffset now)
    {
        await using var db = await app.OpenConnectionAsync();
        // Registrations: a 201 is stored whole; a 503 is stored whole or not at all; every registered clue is in intake.
        foreach (var o in outcomes.Where(o => o.Kind == Kind.Register))
        {
            var clues = (await db.QueryAsync<(long Id, string? Number, int Parties, int Sources)>("""
                select c.id, c.register_number,
                       (select count(*)::int from supervision.clue_parties p where p.clue_id = c.id),
                       (select count(*)::int from supervision.clue_sources s where s.clue_id = c.id)
                from supervision.clues c where c.case_number = @Key
                """, new { o.Key })).ToList();
            Assert.True(clues.Count == (o.Succeeded ? 1 : clues.Count) && clues.Count <= 1, $"{o.Key} ({(int)o.Status}): {clues.Count} clues");
            Assert.All(clues, c => Assert.True(c is { Number: not null, Parties: 2, Sources: 1 }, $"{o.Key} ({(int)o.Status}) is half stored: {c}"));
        }
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("""
            select count(*) from supervision.clues c where c.register_number is not null and not exists (
                select 1 from engine.instances i join engine.definitions d on d.id = i.definition_id
                where d.key = 'clue-intake' and i.business_key = c.id::text)
            """));
        var (count, last) = await db.QuerySingleAsync<(long, int)>("select count(*), coalesce(max(register_seq), 0) from supervision.clues where register_year = 2026");
        Assert.Equal(count, last); // no gap in the register numbers: a cut-off transaction took no number

        // Completions: a completed task always has its timer (fired by now) and the next task; an open one has neither.
        foreach (var o in outcomes.Where(o => o.Kind == Kind.Complete))
        {
            var (status, next, journaled) = await db.QuerySingleAsync<(string, int, int)>("""
                select t.status,
                       (select count(*)::int from engine.tasks n where n.instance_id = t.instance_id and n.element_id = 'afterWait'),
                       (select count(*)::int from engine.journal j where j.instance_id = t.instance_id and j.kind = 'element-left' and j.element_id = 'work')
                from engine.tasks t where t.id = @Key::uuid
                """, new { o.Key });
            var completed = status == "completed";
            Assert.True(!o.Succeeded || completed, $"task {o.Key} answered 204 but is {status}");
            Assert.True(completed ? next == 1 && journaled == 1 : next == 0 && journaled == 0,
                $"task {o.Key} ({(int)o.Status}) is {status} with {next} next tasks and {journaled} journal lines");
        }

        // Starts: an instance exists whole (its first task and its journal) or not at all.
        foreach (var o in outcomes.Where(o => o.Kind == Kind.Start))
        {
            var instances = (await db.QueryAsync<(Guid Id, int Tasks, int Started)>("""
                select i.id,
                       (select count(*)::int from engine.tasks t where t.instance_id = i.id and t.element_id = 'work'),
                       (select count(*)::int from engine.journal j where j.instance_id = i.id and j.kind = 'instance-started')
                from engine.instances i where i.business_key = @Key
                """, new { o.Key })).ToList();
            Assert.True(instances.Count == (o.Succeeded ? 1 : instances.Count) && instances.Count <= 1, $"{o.Key} ({(int)o.Status}): {instances.Count} instances");
            Assert.All(instances, i => Assert.True(i is { Tasks: 1, Started: 1 }, $"{o.Key} ({(int)o.Status}) is half started: {i}"));
        }
        // Every task the engine created is journaled, and no job failed for good.
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("""
            select count(*) from engine.tasks t where not exists (
                select 1 from engine.journal j where j.instance_id = t.instance_id and j.kind = 'task-created' and j.element_id = t.element_id)
            """));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from engine.jobs where status in ('pending', 'failed')"));
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from engine.timers where status = 'pending' and due_at <= @now",
            new { now = now.UtcDateTime }));
    }

    private async Task<Guid> WorkTaskOfAsync(Guid instance)
    {
        await using var db = await app.OpenConnectionAsync();
        return await db.QuerySingleAsync<Guid>("select id from engine.tasks where instance_id = @instance and element_id = 'work'", new { instance });
    }

    private async Task HealthAsync(HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health")).StatusCode == expected, $"/health to answer {(int)expected}");
    }
}
