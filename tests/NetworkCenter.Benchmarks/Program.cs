using NetworkCenter.Benchmarks;

// Usage: dotnet run -c Release --project tests/NetworkCenter.Benchmarks -- [throughput] [timers] [query] [statistics] [--seconds N] [--timers N] [--statements] [--keep]
//        [--ways OneRequest,ListThenComplete,InProcess] [--clients 1,8]
// With no names, runs everything. Prints a Markdown table for BENCHMARKS.md. --statements prints, after each throughput
// run, the service's SQL statements per completion from pg_stat_statements. --keep (statistics) prints the seeded
// database's connection string and waits for a line on standard input before measuring, to profile its SQL in psql.
// --ways and --clients (throughput) measure only the ways and client counts named, for a shorter run to profile.
string? Named(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var valued = new[] { "--seconds", "--timers", "--ways", "--clients" };
var selected = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !valued.Contains(args[i - 1]))).ToHashSet();
var statements = args.Contains("--statements");
var seconds = Option("--seconds", 20);
var timerCount = Option("--timers", 10_000);
var ways = Named("--ways")?.Split(',').Select(Enum.Parse<TaskThroughput.Way>).ToArray();
var clientCounts = Named("--clients")?.Split(',').Select(int.Parse).ToArray();
int Option(string name, int fallback) => Named(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
bool Run(string name) => selected.Count == 0 || selected.Contains(name);

var report = new Report();
await using var bench = await BenchCluster.StartAsync(statements);
report.Note($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB; PostgreSQL cluster on 127.0.0.1:{bench.Cluster.Port}");

if (Run("throughput"))
{
    await TaskThroughput.RunAsync(bench, report, TimeSpan.FromSeconds(seconds), statements, ways, clientCounts);
}
if (Run("timers"))
{
    await TimerBurst.RunAsync(bench, report, count: timerCount);
}
if (Run("query"))
{
    await OpenTaskQuery.RunAsync(bench, report);
}
if (Run("statistics"))
{
    await StatisticsQuery.RunAsync(bench, report, keep: args.Contains("--keep"));
}

Console.WriteLine(report.ToMarkdown());
