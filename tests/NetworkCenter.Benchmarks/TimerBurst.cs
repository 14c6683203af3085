using Dapper;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// 10,000 engine timers due at one instant on the real clock: the time from that instant until every instance has
/// moved past its timer and ended, beside the same number of plain Hangfire jobs scheduled for one instant.
/// </summary>
internal static class TimerBurst
{
    public static async Task RunAsync(BenchCluster bench, Report report, int count)
    {
        var baseline = await PlainHangfireTimers.RunAsync(bench, count);

        var connectionString = await bench.CreateDatabaseAsync("bench_timers");
        await using var service = await ServiceProcess.StartAsync(connectionString);
        using var admin = await service.SignedInClientAsync();
        // Lead time to start every instance before the instant arrives (about 60 starts/s is the slowest seen here).
        var due = DateTimeOffset.UtcNow.AddSeconds(30 + (count / 60));
        var key = "bench-timer-burst";
        await admin.DeployAsync(BenchDefinitions.TimerAt(key, due));
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => service.SignedInClientAsync()));
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await client.StartAsync(key);
            }
        }));
        if (DateTimeOffset.UtcNow >= due)
        {
            throw new InvalidOperationException("starting the instances took longer than the lead time; raise it");
        }
        await using var watch = new NpgsqlConnection(connectionString);
        await watch.OpenAsync();
        while (await watch.ExecuteScalarAsync<int>("select count(*) from engine.instances where status = 'completed'") < count)
        {
            await Task.Delay(200);
        }
        var last = await watch.ExecuteScalarAsync<DateTime>("select max(ended_at) from engine.instances");
        var engine = new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) - due;
        var early = await watch.ExecuteScalarAsync<int>("select count(*) from engine.instances where ended_at < @due", new { due });
        foreach (var client in clients)
        {
            client.Dispose();
        }
        report.Add($"{count:N0} timers due at one instant: until all fired", Report.Format(engine.TotalSeconds, "s"),
            $"{count:N0} plain Hangfire jobs {Report.Format(baseline.TotalSeconds, "s")}", "≤ 1.5 × plain Hangfire",
            engine.TotalSeconds <= 1.5 * Math.Max(baseline.TotalSeconds, 0.001));
        report.Note($"timers that fired before their instant: {early}");
    }
}
