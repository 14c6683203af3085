using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NetworkCenter.Workflows.Persistence.Embedded;

namespace NetworkCenter.Benchmarks;

/// <summary>pgbench's built-in TPC-B-like transaction on the same cluster: the database's own ceiling on this machine.</summary>
internal static partial class Pgbench
{
    public static async Task InitialiseAsync(BenchCluster bench, int scale)
    {
        await bench.CreateDatabaseAsync("pgbench");
        await RunAsync(bench, ["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture), "pgbench"]);
    }

    /// <summary>Transactions per second (excluding connection time) for <paramref name="clients"/> clients over <paramref name="duration"/>.</summary>
    public static async Task<double> TpsAsync(BenchCluster bench, int clients, TimeSpan duration)
    {
        var output = await RunAsync(bench,
            ["-c", clients.ToString(CultureInfo.InvariantCulture), "-j", clients.ToString(CultureInfo.InvariantCulture),
             "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-M", "prepared", "pgbench"]);
        var match = TpsLine().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("pgbench printed no tps line:\n" + output);
    }

    /// <summary>
    /// Writes out what pgbench dirtied and vacuums its tables, so that the checkpoint and autovacuum its updates call
    /// for do not land on whatever is measured next (the first figure after pgbench used to come out lower).
    /// </summary>
    public static async Task SettleAsync(BenchCluster bench)
    {
        await using var connection = new Npgsql.NpgsqlConnection(bench.Cluster.ConnectionString("pgbench"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
        command.CommandText = "checkpoint";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> RunAsync(BenchCluster bench, string[] arguments)
    {
        var binaries = PostgresBinaries.Locate();
        var start = new ProcessStartInfo(Path.Combine(binaries.BinDirectory, "pgbench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", bench.Cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed:\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
