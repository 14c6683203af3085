using System.Diagnostics;
using Dapper;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// The statistics page's call — every table of a year at once (<c>GET /api/statistics</c>) — and the liaison incentives
/// per month, over HTTP on a province-sized register: 100,000 clues received over 2025 from 2,000 liaisons and 40
/// offices, with their sources, status history, decisions, outcomes and 300,000 procedure tasks.
/// </summary>
internal static class StatisticsQuery
{
    private const int Clues = 100_000;
    private const int Liaisons = 2_000;
    private const int Offices = 40;
    private const int Requests = 60;

    public static async Task RunAsync(BenchCluster bench, Report report, bool keep = false)
    {
        var connectionString = await bench.CreateDatabaseAsync("bench_statistics");
        await using var service = await ServiceProcess.StartAsync(connectionString);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(connectionString);
        report.Note($"statistics register seeded with SQL in {seeding.Elapsed.TotalSeconds:0.0} s");
        if (keep)
        {
            Console.Error.WriteLine($"seeded: {connectionString}");
            Console.Error.WriteLine("press Enter (or close standard input) to measure");
            await Console.In.ReadLineAsync();
        }
        using var client = await service.SignedInClientAsync();
        foreach (var (name, path) in new[]
        {
            ("statistics overview of a year (GET /api/statistics, all 11 tables)", "/api/statistics?from=2025-01-01&to=2026-01-01"),
            ("liaison incentives per month of a year (GET /api/statistics/liaison-months)", "/api/statistics/liaison-months?from=2025-01-01&to=2026-01-01"),
            ("statistics overview of one month", "/api/statistics?month=2025-06"),
        })
        {
            var (p50, p95) = await MeasureAsync(client, path);
            report.Add($"{name} p50 ({Clues:N0} clues, {Liaisons:N0} liaisons)", Report.Format(p50, "ms"), "-", "-", null);
            report.Add($"{name} p95 ({Clues:N0} clues, {Liaisons:N0} liaisons)", Report.Format(p95, "ms"), "-", "< 300 ms", p95 < 300);
        }
    }

    private static async Task<(double P50, double P95)> MeasureAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }
        var timings = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        double Percentile(double p) => timings[(int)Math.Ceiling(p * timings.Count) - 1];
        return (Percentile(0.50), Percentile(0.95));
    }

    /// <summary>
    /// Rows written straight into the tables, received evenly over 2025 (CST). Every kind, area, source and status; one
    /// clue in 50 has a second source (a merged duplicate) from another liaison; each clue has three status changes,
    /// a decision once decided, an outcome on one filed clue in ten, and an intake and a review procedure with three
    /// tasks, a quarter of them late and a tenth still open.
    /// </summary>
    private static async Task SeedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            insert into supervision.offices (kind, name, host_unit_kind, host_unit, created_at, updated_at)
            select case when n % 2 = 0 then 'liaison-office' else 'reporting-point' end, 'bench office ' || n, 'other', 'bench', now(), now()
            from generate_series(1, @Offices) n;

            insert into supervision.liaisons (name, unit, office_id, created_at, updated_at)
            select 'bench liaison ' || n, 'bench unit', (select min(id) from supervision.offices) + n % @Offices, now(), now()
            from generate_series(1, @Liaisons) n;

            create temporary table bench_clues as
            select n, timestamptz '2025-01-01 00:00+08' + (n - 1) * (interval '365 days' / @Clues) as received_at,
                   (array['registered','triage','assigned','under-review','filed','not-filed','protest-proposed','referred','closed'])[1 + n % 9] as status,
                   (array['liaison','liaison-office','reporting-point','walk-in','letter','12309'])[1 + n % 6] as source_kind,
                   (array['judgment-supervision','judicial-misconduct','public-interest','outside-jurisdiction'])[1 + n % 4] as kind
            from generate_series(1, @Clues) n;

            insert into supervision.clues (register_year, register_seq, register_number, status, source_kind, office_id, liaison_id,
                received_at, kind, public_interest_area, summary, created_by, created_at, updated_at)
            select 2025, n, '2025-' || lpad(n::text, 6, '0'), status, source_kind,
                   case when source_kind in ('liaison-office', 'reporting-point') then (select min(id) from supervision.offices) + n % @Offices end,
                   case when source_kind in ('liaison', 'liaison-office', 'reporting-point') then (select min(id) from supervision.liaisons) + n % @Liaisons end,
                   received_at, kind,
                   case when kind = 'public-interest' then (array['land','bankruptcy-restructuring','improper-fees','pollution','other'])[1 + (n / 4) % 5] end,
                   'bench clue', 'bench', received_at, received_at
            from bench_clues order by n;

            insert into supervision.clue_sources (clue_id, original_clue_id, source_kind, office_id, liaison_id, received_at)
            select id, id, source_kind, office_id, liaison_id, received_at from supervision.clues;
            insert into supervision.clue_sources (clue_id, original_clue_id, source_kind, office_id, liaison_id, received_at)
            select id, id, 'liaison', null, (select min(id) from supervision.liaisons) + (register_seq * 7) % @Liaisons, received_at + interval '1 day'
            from supervision.clues where register_seq % 50 = 0;

            insert into supervision.clue_status_history (clue_id, from_status, to_status, actor, at)
            select id, s.from_status, s.to_status, 'bench', received_at + s.after
            from supervision.clues,
                 lateral (values (null, 'registered', interval '0'), ('registered', 'triage', interval '1 day'),
                                 ('triage', status, interval '20 days')) s(from_status, to_status, after);

            insert into supervision.clue_decisions (clue_id, instance_id, decider_role, decided_by, decision, decided_at)
            select id, gen_random_uuid(), 'handling-procurator', 'bench', case when status = 'not-filed' then 'not-file' else 'file' end,
                   received_at + interval '20 days'
            from supervision.clues where status in ('filed', 'not-filed', 'protest-proposed');

            insert into supervision.clue_outcomes (clue_id, kind, amount_recovered, loss_avoided, recorded_by, recorded_at)
            select id, 'suggestion-adopted', (register_seq % 1000) * 100.50, (register_seq % 300) * 1000, 'bench', received_at + interval '40 days'
            from supervision.clues where status = 'filed' and register_seq % 10 = 0;

            -- the definitions the service deployed at start-up
            insert into engine.instances (id, definition_id, business_key, status, started_at)
            select md5(d.n::text || '-' || c.id)::uuid,
                   (select id from engine.definitions where key = d.key order by version desc limit 1), c.id::text, 'completed', c.received_at
            from supervision.clues c, (values (1, 'clue-intake'), (2, 'review-and-discussion')) d(n, key);
            insert into engine.tasks (id, instance_id, execution_id, element_id, name, due_at, status, created_at, completed_by, completed_at)
            select gen_random_uuid(), md5(t.d::text || '-' || c.id)::uuid, gen_random_uuid(), t.element, t.element,
                   c.received_at + t.start + t.allowed,
                   case when c.register_seq % 10 = 0 then 'open' else 'completed' end,
                   c.received_at + t.start, case when c.register_seq % 10 <> 0 then 'bench' end,
                   case when c.register_seq % 10 <> 0 then c.received_at + t.start + t.allowed * (case when c.register_seq % 4 = 0 then 1.3 else 0.6 end) end
            from supervision.clues c,
                 lateral (values (1, 'Triage', interval '0', interval '1 day'), (1, 'AssignProcurator', interval '1 day', interval '1 day'),
                                 (2, 'Review', interval '2 days', interval '15 days')) t(d, element, start, allowed);
            """, new { Clues, Liaisons, Offices }, commandTimeout: 900);
        // A register of a year is mostly rows autovacuum has long since seen: without this the first minute's reads would
        // fetch every heap page an index-only scan skips on a register in service (and VACUUM refuses a transaction).
        await connection.ExecuteAsync("vacuum analyze", commandTimeout: 900);
        // The load and the vacuum wrote a year's WAL: checkpoint now, as the throughput harness does after pgbench, so a
        // checkpoint forced by it does not land among the measured requests (a register in service is not mid-load).
        await connection.ExecuteAsync("checkpoint", commandTimeout: 900, commandType: System.Data.CommandType.Text);
    }
}
