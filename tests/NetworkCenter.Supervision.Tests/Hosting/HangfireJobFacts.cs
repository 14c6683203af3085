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

    /// <summary>
    /// A job runs in the process's language, as ServerLanguage says of everything outside a request, not in the language
    /// of the request that happened to create it; and creating it writes no job parameters. Hangfire's default culture
    /// filter stored two per job, which Hangfire.PostgreSql inserts as a second, batched statement in the creating
    /// transaction: under a burst of requests creating jobs, those transactions piled up idle with their pool connections
    /// (40 at once in RegisterNumberFacts' 200 registrations, which then took 44 to 140 s instead of under 20).
    /// </summary>
    [Fact]
    public async Task JobCreatedUnderAChineseRequestCulture_RunsInTheProcessLanguage_AndStoresNoCultureParameters()
    {
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table if not exists job_culture_witness (token text primary key, ui_culture text not null)");
        }
        var token = Guid.NewGuid().ToString("N");
        var processLanguage = "";
        var thread = new Thread(() => processLanguage = System.Globalization.CultureInfo.CurrentUICulture.Name);
        thread.Start();
        thread.Join();
        Assert.NotEqual("zh-CN", processLanguage);

        var creating = System.Globalization.CultureInfo.CurrentUICulture;
        string jobId;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            jobId = app.Service<IBackgroundJobClient>().Enqueue<WitnessJob>(job => job.RecordCultureAsync(app.ConnectionString, token));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = creating;
        }

        var ran = await Eventually.ReturnsAsync(async () =>
        {
            await using var connection = await app.OpenConnectionAsync();
            return await connection.QuerySingleOrDefaultAsync<string>("select ui_culture from job_culture_witness where token = @token", new { token });
        }, "the job to record its culture");
        Assert.Equal(processLanguage, ran);
        await using var check = await app.OpenConnectionAsync();
        Assert.Empty(await check.QueryAsync<string>(
            "select name from hangfire.jobparameter where jobid = @id and name in ('CurrentCulture', 'CurrentUICulture')",
            new { id = long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    public sealed class WitnessJob
    {
        public async Task RecordCultureAsync(string connectionString, string token)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync("insert into job_culture_witness (token, ui_culture) values (@token, @culture)",
                new { token, culture = System.Globalization.CultureInfo.CurrentUICulture.Name });
        }

        public async Task RecordAsync(string connectionString, string token)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.ExecuteAsync("insert into job_witness (token) values (@token)", new { token });
        }
    }
}
