using Dapper;
using Hangfire;
using Hangfire.Storage.Monitoring;
using NetworkCenter.Testing;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class HangfireJobFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task EnqueuedJob_RunsToCompletion_OnTheHostsServer_WithPostgreSqlStorage()
    {
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table if not exists job_witness (token text primary key)");
        }
        var token = Guid.NewGuid().ToString("N");

        var jobId = app.Service<IBackgroundJobClient>().Enqueue<WitnessJob>(job => job.RecordAsync(app.ConnectionString, token));

        await Eventually.HoldsAsync(async () =>
        {
            await using var connection = await app.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<int>("select count(*) from job_witness where token = @token", new { token }) == 1;
        }, "the job to write its witness row");
        var details = await Eventually.ReturnsAsync(() =>
        {
            var job = app.Service<JobStorage>().GetMonitoringApi().JobDetails(jobId);
            return Task.FromResult(job?.History.FirstOrDefault()?.StateName == "Succeeded" ? job : null);
        }, "Hangfire to record the job as succeeded");
        Assert.IsType<JobDetailsDto>(details);
        await using var check = await app.OpenConnectionAsync();
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("select count(*) from hangfire.job where id = @id", new { id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    public sealed class WitnessJob
    {
        public async Task RecordAsync(string connectionString, string token)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync("insert into job_witness (token) values (@token)", new { token });
        }
    }
}
