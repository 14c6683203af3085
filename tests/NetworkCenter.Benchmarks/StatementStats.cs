using System.Globalization;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// With <c>--statements</c>: the statements the service ran during a throughput run, per completion, from
/// pg_stat_statements on the service's database (printed to stderr, not part of the report).
/// </summary>
internal static class StatementStats
{
    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("create extension if not exists pg_stat_statements; select pg_stat_statements_reset()", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task PrintAsync(string connectionString, long completions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select s.calls, s.total_exec_time, s.total_plan_time, s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 160)
            from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = current_database()
            order by s.calls desc, s.total_exec_time desc limit 40
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        double calls = 0, time = 0;
        Console.Error.WriteLine($"statements on {connection.Database} over {completions} completions (calls and ms per completion):");
        while (await reader.ReadAsync())
        {
            var perCompletion = reader.GetInt64(0) / (double)Math.Max(1, completions);
            var ms = (reader.GetDouble(1) + reader.GetDouble(2)) / Math.Max(1, completions);
            calls += perCompletion;
            time += ms;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {perCompletion,7:0.00} {ms,7:0.000} ms  {reader.GetString(4)}"));
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {calls,7:0.00} {time,7:0.000} ms  in all (top 40)"));
    }
}
