using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace NetworkCenter.Benchmarks;

/// <summary>
/// The scheduler baseline: <c>count</c> plain Hangfire jobs scheduled for one instant, on Hangfire.PostgreSql with the
/// service's own settings (8 workers, 1 s schedule and queue polling, LISTEN/NOTIFY), each doing one small database
/// write as a timer's firing does. The figure is the time from that instant until the last job has written its row.
/// </summary>
internal static class PlainHangfireTimers
{
    public static async Task<TimeSpan> RunAsync(BenchCluster bench, int count)
    {
        var connectionString = await bench.CreateDatabaseAsync("plain_hangfire");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("create table fired (n integer primary key, at timestamptz not null default clock_timestamp())");
        }
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            QueuePollInterval = TimeSpan.FromSeconds(1),
            EnableLongPolling = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
        });
        var client = new BackgroundJobClient(storage);
        FiredJob.ConnectionString = connectionString;
        var due = DateTimeOffset.UtcNow.AddSeconds(30 + (count / 500));
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (n, _) =>
        {
            client.Schedule<FiredJob>(job => job.RunAsync(n), due);
            return ValueTask.CompletedTask;
        });
        if (DateTimeOffset.UtcNow > due)
        {
            throw new InvalidOperationException("scheduling took longer than the lead time; raise it");
        }
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = 8,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage);
        await using var watch = new NpgsqlConnection(connectionString);
        await watch.OpenAsync();
        while (await watch.ExecuteScalarAsync<int>("select count(*) from fired") < count)
        {
            await Task.Delay(200);
        }
        var last = await watch.ExecuteScalarAsync<DateTime>("select max(at) from fired");
        return new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) - due;
    }

    public sealed class FiredJob
    {
        public static string ConnectionString { get; set; } = "";

        public async Task RunAsync(int n)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.ExecuteAsync("insert into fired (n) values (@n) on conflict do nothing", new { n });
        }
    }
}
