using System.Diagnostics;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// Completing a user task that leads to the next user task with a timer boundary, at 1 and 8 concurrent clients, beside
/// pgbench's TPC-B-like TPS at the same client counts on the same cluster. Each client owns its own instances and goes
/// round them: over HTTP with one request per completion (the response names the next task), over HTTP with a list
/// query before each completion (as a client without that response does), and through the engine's command API in
/// this process (no HTTP: the engine's own throughput, as pgbench is the database's).
/// </summary>
internal static class TaskThroughput
{
    private const int InstancesPerClient = 20;

    public enum Way { OneRequest, ListThenComplete, InProcess }

    /// <summary>
    /// Measures <paramref name="ways"/> (all when null) at each of <paramref name="clientCounts"/> (1 and 8 when null);
    /// fewer of them make a shorter run to profile.
    /// </summary>
    public static async Task RunAsync(BenchCluster bench, Report report, TimeSpan duration, bool statements = false,
        IReadOnlyCollection<Way>? ways = null, IReadOnlyCollection<int>? clientCounts = null)
    {
        await Pgbench.InitialiseAsync(bench, scale: 8);
        var connectionString = await bench.CreateDatabaseAsync("bench_throughput");
        await using var service = await ServiceProcess.StartAsync(connectionString);
        using var admin = await service.SignedInClientAsync();
        await admin.DeployAsync(BenchDefinitions.TaskLoop);
        report.Add("service resident memory, idle", Report.Format(service.ResidentMiB(), "MiB"), "-", "-", null);
        await using var engine = InProcessEngine.Create(connectionString);
        // Every way once before any is measured, untimed: the service's first seconds under load (JIT tiers, heap
        // growth) otherwise land on whichever way is measured first.
        ways ??= Enum.GetValues<Way>();
        foreach (var way in ways)
        {
            await CompleteForAsync(service, engine, way, clients: 8, TimeSpan.Zero, statementsOf: null);
        }

        foreach (var clients in clientCounts ?? [1, 8])
        {
            var pgbench = await Pgbench.TpsAsync(bench, clients, duration);
            await Pgbench.SettleAsync(bench);
            var baseline = $"pgbench TPC-B {Report.Format(pgbench, "tps")}";
            foreach (var way in ways)
            {
                var label = way switch
                {
                    Way.OneRequest => $"task completions/s over HTTP, {clients} client(s), one request each",
                    Way.ListThenComplete => $"task completions/s over HTTP, {clients} client(s), list + complete",
                    _ => $"task completions/s in process (engine API, no HTTP), {clients} caller(s)",
                };
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
                var (completions, cpu) = await CompleteForAsync(service, engine, way, clients, duration, statements ? connectionString : null);
                if (statements)
                {
                    Console.Error.WriteLine($"-- {label}");
                    await StatementStats.PrintAsync(connectionString, completions);
                }
                await sampling.CancelAsync();
                await sampler;
                var perSecond = completions / duration.TotalSeconds;
                report.Add(label, Report.Format(perSecond, "/s"), baseline, "≥ 0.5 × pgbench", perSecond >= 0.5 * pgbench);
                var whose = way == Way.InProcess ? "this process's" : "service";
                report.Add($"{whose} CPU time per completion ({label})", Report.Format(cpu.TotalMilliseconds / Math.Max(1, completions), "ms"), "-", "-", null);
                if (way != Way.InProcess)
                {
                    report.Add($"service resident memory, peak ({label})", Report.Format(peakMemory, "MiB"), "-", "-", null);
                }
            }
        }
    }

    /// <summary>Completions within <paramref name="duration"/>, and the CPU time of the process that ran the engine over them.</summary>
    private static async Task<(long Completed, TimeSpan Cpu)> CompleteForAsync(
        ServiceProcess service, InProcessEngine engine, Way way, int clients, TimeSpan duration, string? statementsOf)
    {
        var workers = new List<(HttpClient Client, Guid[] Instances, Guid[] Tasks)>();
        for (var c = 0; c < clients; c++)
        {
            var client = await service.SignedInClientAsync();
            var instances = new Guid[InstancesPerClient];
            var tasks = new Guid[InstancesPerClient];
            for (var i = 0; i < instances.Length; i++)
            {
                instances[i] = await client.StartAsync("bench-task-loop", new { finished = false });
                tasks[i] = await client.OpenTaskAsync(instances[i]);
            }
            workers.Add((client, instances, tasks));
        }
        async Task CompleteOneAsync((HttpClient Client, Guid[] Instances, Guid[] Tasks) w, int i)
        {
            switch (way)
            {
                case Way.OneRequest:
                    w.Tasks[i] = await w.Client.CompleteToNextAsync(w.Tasks[i]);
                    break;
                case Way.ListThenComplete:
                    await w.Client.CompleteAsync(await w.Client.OpenTaskAsync(w.Instances[i]));
                    break;
                default:
                    w.Tasks[i] = await engine.CompleteToNextAsync(w.Tasks[i]);
                    break;
            }
        }
        // Warm-up, untimed: every instance at least once and for at least 3 s, so the tiered JIT has compiled this way's
        // code paths to their final tier (after 20 completions it had not, and the way measured first paid for it).
        var warming = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(async w =>
        {
            for (var i = 0; i < w.Instances.Length || warming.Elapsed < TimeSpan.FromSeconds(3); i++)
            {
                await CompleteOneAsync(w, i % w.Instances.Length);
            }
        }));
        if (statementsOf is not null)
        {
            await StatementStats.ResetAsync(statementsOf);
        }
        Func<TimeSpan> cpuTime = way == Way.InProcess ? () => Process.GetCurrentProcess().TotalProcessorTime : service.CpuTime;
        long completed = 0;
        var cpuBefore = cpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(async w =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                await CompleteOneAsync(w, i % w.Instances.Length);
                if (clock.Elapsed <= duration)
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        var cpu = cpuTime() - cpuBefore;
        foreach (var (client, _, _) in workers)
        {
            client.Dispose();
        }
        return (completed, cpu);
    }
}
