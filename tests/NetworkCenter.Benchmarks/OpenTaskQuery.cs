using System.Diagnostics;
using Dapper;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// The inbox query — open tasks of a candidate group, ordered by due date, first page of 50 — over HTTP with 100,000
/// open tasks and 1,000,000 journal rows in the database, p50 and p95 over repeated requests.
/// </summary>
internal static class OpenTaskQuery
{
    private const int Tasks = 100_000;
    private const int JournalRows = 1_000_000;
    private const int Requests = 1000;

    public static async Task RunAsync(BenchCluster bench, Report report)
    {
        var connectionString = await bench.CreateDatabaseAsync("bench_query");
        await using var service = await ServiceProcess.StartAsync(connectionString);
        await SeedAsync(connectionString);
        using var client = await service.SignedInClientAsync();
        string[] groups = ["handling-procurator", "department-head", "clue-administrator", "chief-procurator"];
        for (var i = 0; i < 50; i++)
        {
            (await client.GetAsync($"/api/tasks?candidateGroup={groups[i % groups.Length]}")).EnsureSuccessStatusCode();
        }
        var timings = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/tasks?candidateGroup={groups[i % groups.Length]}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        double Percentile(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
        report.Add($"open-task query p50 ({Tasks:N0} open tasks, {JournalRows:N0} journal rows)", Report.Format(Percentile(0.50), "ms"), "-", "-", null);
        report.Add($"open-task query p95 ({Tasks:N0} open tasks, {JournalRows:N0} journal rows)", Report.Format(Percentile(0.95), "ms"), "-", "< 20 ms", Percentile(0.95) < 20);
    }

    /// <summary>Rows written straight into the engine's tables: one instance per open task, due dates spread over a year.</summary>
    private static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            insert into engine.definitions (id, key, version, name, xml, content_hash, deployed_at)
            values ('00000000-0000-0000-0000-000000000001', 'bench-seed', 1, 'seed', '<definitions/>', 'seed', now());

            insert into engine.instances (id, definition_id, status, started_at)
            select md5('i' || n)::uuid, '00000000-0000-0000-0000-000000000001', 'active', now()
            from generate_series(1, @Tasks) n;

            insert into engine.tasks (id, instance_id, execution_id, element_id, name, candidate_groups, due_at, status, created_at)
            select md5('t' || n)::uuid, md5('i' || n)::uuid, md5('e' || n)::uuid, 'review', 'Review',
                   array[(array['handling-procurator','department-head','clue-administrator','chief-procurator'])[1 + n % 4]],
                   now() + (n % 365) * interval '1 day' + (n % 1440) * interval '1 minute', 'open', now()
            from generate_series(1, @Tasks) n;

            insert into engine.task_candidates (task_id, kind, name, due_at)
            select id, 'g', candidate_groups[1], due_at from engine.tasks;

            """, new { Tasks }, commandTimeout: 600);
        // The journal's hash chain trigger takes a transaction-scoped advisory lock per instance it writes to, and the
        // lock table holds a few thousand: the journal goes in one transaction per 2,000 instances.
        const int InstancesPerBatch = 2_000;
        for (var first = 1; first <= Tasks; first += InstancesPerBatch)
        {
            await connection.ExecuteAsync("""
                insert into engine.journal (instance_id, at, kind, element_id, user_id, data)
                select md5('i' || i)::uuid, now(), 'element-entered', 'review', 'seed', '{}'::jsonb
                from generate_series(@first, @last) i, generate_series(1, @PerInstance) k
                """, new { first, last = Math.Min(Tasks, first + InstancesPerBatch - 1), PerInstance = JournalRows / Tasks }, commandTimeout: 600);
        }
        await connection.ExecuteAsync("analyze", commandTimeout: 600, commandType: System.Data.CommandType.Text);
    }
}
