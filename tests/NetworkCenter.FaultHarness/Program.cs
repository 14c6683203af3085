using System.Diagnostics;
using NetworkCenter.FaultHarness;

// Usage: dotnet run -c Release --project tests/NetworkCenter.FaultHarness -- [crash] [two-processes]
//            [--instances 1000] [--kills 20] [--timeout 45] [--seed 1]
// Always runs the crash-free reference first; with no scenario names, runs both. --timeout is in minutes for the
// whole run. Exits 1 on any violation, and prints a Markdown summary for RELIABILITY.md.
var selected = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).ToHashSet();
var instances = Option("--instances", 1000);
var kills = Option("--kills", 20);
var timeout = TimeSpan.FromMinutes(Option("--timeout", 45));
var seed = Option("--seed", 1);
int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
bool Run(string name) => selected.Count == 0 || selected.Contains(name);
if (selected.Except(["crash", "two-processes"]).FirstOrDefault() is { } unknown)
{
    Console.Error.WriteLine($"unknown scenario '{unknown}': use crash and/or two-processes");
    return 2;
}

var clock = Stopwatch.StartNew();
var deadline = DateTimeOffset.UtcNow + timeout;
var findings = new Findings();
var logFolder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nc-faults-logs-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))).FullName;
Console.WriteLine($"fault harness: {instances} instances, {kills} kills, timeout {timeout.TotalMinutes} min, seed {seed}; service logs in {logFolder}");
var workload = new Workload(instances, seed);
try
{
    await using var cluster = await HarnessCluster.StartAsync();
    var scenarios = new Scenarios(cluster, workload, findings, deadline, logFolder);
    var reference = await scenarios.CrashFreeAsync();
    if (Run("crash"))
    {
        (await scenarios.CrashAsync(kills, seed)).CompareWith(reference, findings, "crash run");
    }
    if (Run("two-processes"))
    {
        (await scenarios.TwoProcessesAsync()).CompareWith(reference, findings, "two processes");
    }
}
catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
{
    findings.Violation($"the run did not finish: {e.Message}");
}

Console.WriteLine();
Console.WriteLine($"## Fault harness, {DateTimeOffset.UtcNow:yyyy-MM-dd}: {instances} instances, {kills} kills, seed {seed}, {clock.Elapsed.TotalMinutes:F1} min");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores");
foreach (var figure in findings.Figures)
{
    Console.WriteLine(figure);
}
Console.WriteLine(findings.Violations.Count == 0 ? "- violations: none" : $"- violations: {findings.Violations.Count}");
foreach (var violation in findings.Violations.Take(50))
{
    Console.WriteLine($"  - {violation}");
}
return findings.Violations.Count == 0 ? 0 : 1;
