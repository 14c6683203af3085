using System.Diagnostics;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// Completing a user task that leads to the next user task with a timer boundary, over HTTP, at 1 and 8 concurrent
/// clients, beside pgbench's TPC-B-like TPS at the same client counts on the same cluster. Each client owns its own
/// instances and, per completion, asks for the instance's open task and completes it (two requests, one command).
/// </summary>
internal static class TaskThroughput
{
    private const int InstancesPerClient = 20;

    public static async Task RunAsync(BenchCluster bench, Report report, TimeSpan duration, bool statements = false)
    {
        await Pgbench.InitialiseAsync(bench, scale: 8);
        var connectionString = await bench.CreateDatabaseAsync("bench_throughput");
        await using var service = await ServiceProcess.StartAsync(connectionString);
        using var admin = await service.SignedInClientAsync();
        await admin.DeployAsync(BenchDefinitions.TaskLoop);
        report.Add("service resident memory, idle", Report.Format(service.ResidentMiB(), "MiB"), "-", "-", null);

        foreach (var clients in new[] { 1, 8 })
        {
            var pgbench = await Pgbench.TpsAsync(bench, clients, duration);
            var peakMemory = 0.0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakMemory = Math.Max(peakMemory, service.ResidentMiB());
                    await Task.Delay(250);
                }
            });
            var (completions, cpu) = await CompleteForAsync(service, clients, duration, statements ? connectionString : null);
            var cpuPerCompletion = cpu.TotalMilliseconds / Math.Max(1, completions);
            if (statements)
            {
                await StatementStats.PrintAsync(connectionString, completions);
            }
            await sampling.CancelAsync();
            await sampler;
            var perSecond = completions / duration.TotalSeconds;
            report.Add($"task completions/s, {clients} client(s)", Report.Format(perSecond, "/s"),
                $"pgbench TPC-B {Report.Format(pgbench, "tps")}", "≥ 0.5 × pgbench", perSecond >= 0.5 * pgbench);
            report.Add($"service CPU time per completion, {clients} client(s)", Report.Format(cpuPerCompletion, "ms"), "-", "-", null);
            report.Add($"service resident memory during the {clients}-client run (peak)", Report.Format(peakMemory, "MiB"), "-", "-", null);
        }
    }

    /// <summary>Completions within <paramref name="duration"/>, and the service's CPU time over them.</summary>
    private static async Task<(long Completed, TimeSpan Cpu)> CompleteForAsync(ServiceProcess service, int clients, TimeSpan duration, string? statementsOf)
    {
        var workers = new List<(HttpClient Client, Guid[] Instances)>();
        for (var c = 0; c < clients; c++)
        {
            var client = await service.SignedInClientAsync();
            var instances = new Guid[InstancesPerClient];
            for (var i = 0; i < instances.Length; i++)
            {
                instances[i] = await client.StartAsync("bench-task-loop", new { finished = false });
            }
            workers.Add((client, instances));
        }
        // Warm-up: every instance once, untimed (JIT, connection pools, plan caches).
        await Task.WhenAll(workers.Select(async w =>
        {
            foreach (var instance in w.Instances)
            {
                await w.Client.CompleteAsync(await w.Client.OpenTaskAsync(instance));
            }
        }));
        if (statementsOf is not null)
        {
            await StatementStats.ResetAsync(statementsOf);
        }
        long completed = 0;
        var cpuBefore = service.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(async w =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var instance = w.Instances[i % w.Instances.Length];
                await w.Client.CompleteAsync(await w.Client.OpenTaskAsync(instance));
                if (clock.Elapsed <= duration)
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        var cpu = service.CpuTime() - cpuBefore;
        foreach (var (client, _) in workers)
        {
            client.Dispose();
        }
        return (completed, cpu);
    }
}
