using Dapper;
using Npgsql;

namespace NetworkCenter.FaultHarness;

/// <summary>Where one instance ended: its status, its journal in order (kind:element) and its variables.</summary>
internal sealed record InstanceEnd(string BusinessKey, string Status, string Journal, string Variables);

/// <summary>
/// The end state of a run read from the database, the checks every run must pass (each timer fired once, each task
/// completed once, each service task completed once, nothing pending, no incident) and the comparison with a
/// crash-free run of the same workload.
/// </summary>
internal sealed class EndState(IReadOnlyDictionary<string, InstanceEnd> instances)
{
    public IReadOnlyDictionary<string, InstanceEnd> Instances => instances;

    public static async Task<EndState> ReadAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.QueryAsync<InstanceEnd>("""
            select i.business_key as BusinessKey, i.status as Status,
                   coalesce((select string_agg(j.kind || ':' || coalesce(j.element_id, ''), ',' order by j.id)
                             from engine.journal j where j.instance_id = i.id), '') as Journal,
                   i.variables::text as Variables
            from engine.instances i join engine.definitions d on d.id = i.definition_id
            where d.key = @key
            """, new { key = Workload.Key });
        var byKey = new Dictionary<string, InstanceEnd>();
        foreach (var row in rows)
        {
            // A second instance with one business key would be a start repeated after it committed.
            byKey[byKey.ContainsKey(row.BusinessKey) ? row.BusinessKey + "#again" + Guid.NewGuid().ToString("N")[..6] : row.BusinessKey] = row;
        }
        return new EndState(byKey);
    }

    /// <summary>Waits until every instance has ended and every email row is settled, or the deadline.</summary>
    public static async Task<bool> WaitUntilQuiescentAsync(NpgsqlDataSource database, Workload workload, DateTimeOffset deadline)
    {
        while (true)
        {
            await using (var connection = await database.OpenConnectionAsync())
            {
                var (ended, mails, pending) = await connection.QuerySingleAsync<(long, long, long)>("""
                    select (select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id
                            where d.key = @key and i.status <> 'active'),
                           (select count(*) from supervision.mail_outbox),
                           (select count(*) from supervision.mail_outbox where status = 'pending')
                    """, new { key = Workload.Key });
                if (ended >= workload.Instances && mails >= workload.Instances && pending == 0)
                {
                    return true;
                }
                if (DateTimeOffset.UtcNow > deadline)
                {
                    Console.Error.WriteLine($"not quiescent at the deadline: {ended} instances ended, {mails} emails, {pending} pending");
                    return false;
                }
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>The checks that hold after any run, crashed or not.</summary>
    public static async Task VerifyAsync(NpgsqlDataSource database, Workload workload, EndState end, Findings findings)
    {
        for (var index = 0; index < workload.Instances; index++)
        {
            if (!end.Instances.ContainsKey(Workload.BusinessKey(index)))
            {
                findings.Violation($"instance {Workload.BusinessKey(index)} was never started");
            }
        }
        foreach (var extra in end.Instances.Keys.Where(k => k.Contains("#again", StringComparison.Ordinal)))
        {
            findings.Violation($"a start was repeated: {extra}");
        }
        foreach (var instance in end.Instances.Values.Where(i => i.Status != "completed"))
        {
            findings.Violation($"instance {instance.BusinessKey} ended {instance.Status}: {instance.Journal}");
        }
        await using var connection = await database.OpenConnectionAsync();
        var counts = await connection.QueryAsync<(string BusinessKey, long First, long Second, long Approved, long Notified, long Incidents)>("""
            select i.business_key,
                   count(*) filter (where j.kind = 'timer-fired' and j.element_id = 'first'),
                   count(*) filter (where j.kind = 'timer-fired' and j.element_id = 'second'),
                   count(*) filter (where j.kind = 'task-completed' and j.element_id = 'approve'),
                   count(*) filter (where j.kind = 'service-task-completed' and j.element_id = 'notify'),
                   count(*) filter (where j.kind = 'incident-raised')
            from engine.instances i join engine.definitions d on d.id = i.definition_id
            join engine.journal j on j.instance_id = i.id
            where d.key = @key group by i.business_key
            """, new { key = Workload.Key });
        foreach (var c in counts.Where(c => c.First != 1 || c.Second != 1 || c.Approved != 1 || c.Notified != 1 || c.Incidents != 0))
        {
            findings.Violation($"instance {c.BusinessKey}: timer 'first' fired {c.First}×, 'second' {c.Second}×, approval completed {c.Approved}×, " +
                $"mail step completed {c.Notified}×, {c.Incidents} incidents (expected 1, 1, 1, 1, 0)");
        }
        var (timers, unfired, tasks, openTasks, jobs, unfinishedJobs) = await connection.QuerySingleAsync<(long, long, long, long, long, long)>("""
            with mine as (select i.id from engine.instances i join engine.definitions d on d.id = i.definition_id where d.key = @key)
            select (select count(*) from engine.timers where instance_id in (select id from mine)),
                   (select count(*) from engine.timers where instance_id in (select id from mine) and status <> 'fired'),
                   (select count(*) from engine.tasks where instance_id in (select id from mine)),
                   (select count(*) from engine.tasks where instance_id in (select id from mine) and status <> 'completed'),
                   (select count(*) from engine.jobs where instance_id in (select id from mine)),
                   (select count(*) from engine.jobs where instance_id in (select id from mine) and status <> 'done')
            """, new { key = Workload.Key });
        Check(findings, timers == 2L * workload.Instances && unfired == 0, $"timer rows: {timers} ({unfired} not fired), expected {2 * workload.Instances} fired");
        Check(findings, tasks == workload.Instances && openTasks == 0, $"task rows: {tasks} ({openTasks} not completed), expected {workload.Instances} completed");
        Check(findings, jobs == workload.Instances && unfinishedJobs == 0, $"service job rows: {jobs} ({unfinishedJobs} not done), expected {workload.Instances} done");
        // How late timers took effect: a crash may delay a timer (until the sweeper or a lock timeout), never skip it.
        var (median, latest) = await connection.QuerySingleAsync<(double, double)>("""
            select coalesce(extract(epoch from percentile_cont(0.5) within group (order by j.at - (j.data->>'due')::timestamptz)), 0)::float8,
                   coalesce(extract(epoch from max(j.at - (j.data->>'due')::timestamptz)), 0)::float8
            from engine.journal j join engine.instances i on i.id = j.instance_id join engine.definitions d on d.id = i.definition_id
            where d.key = @key and j.kind = 'timer-fired'
            """, new { key = Workload.Key });
        findings.Figure($"- timers took effect a median {median:F1} s and at most {latest:F1} s after their due time");
        findings.Figure($"- end state: {end.Instances.Count} instances, {end.Instances.Values.Count(i => i.Status == "completed")} completed; " +
            $"{timers} timers, each fired once; {tasks} tasks, each completed once; {jobs} service jobs, each done once");
    }

    /// <summary>Every instance must end exactly as it did in the crash-free run: same status, journal and variables.</summary>
    public void CompareWith(EndState crashFree, Findings findings, string run)
    {
        var differing = crashFree.Instances.Values.Where(expected =>
            !instances.TryGetValue(expected.BusinessKey, out var actual) || actual != expected).ToList();
        foreach (var expected in differing.Take(10))
        {
            instances.TryGetValue(expected.BusinessKey, out var actual);
            findings.Violation($"{run}: {expected.BusinessKey} ended differently from the crash-free run:\n  crash-free: {expected}\n  {run}: {actual}");
        }
        Check(findings, differing.Count == 0 && instances.Count == crashFree.Instances.Count,
            $"{run}: {differing.Count} of {crashFree.Instances.Count} instances differ from the crash-free run ({instances.Count} instances)");
        if (differing.Count == 0)
        {
            findings.Figure($"- {run}: all {instances.Count} instances ended exactly as in the crash-free run (status, journal sequence, variables)");
        }
    }

    private static void Check(Findings findings, bool holds, string what)
    {
        if (!holds)
        {
            findings.Violation(what);
        }
    }
}
