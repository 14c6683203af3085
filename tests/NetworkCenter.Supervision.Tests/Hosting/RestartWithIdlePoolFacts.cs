using System.Net;
using Dapper;
using NetworkCenter.Supervision.Tests.Procedures;
using NetworkCenter.Testing;
using Xunit.Abstractions;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>The service's connection pool across a PostgreSQL restart that happens while the service is idle.</summary>
public sealed class RestartWithIdlePoolFacts(DatabaseOutageApp app, ITestOutputHelper output) : IClassFixture<DatabaseOutageApp>
{
    /// <summary>
    /// A quick restart while the service is idle leaves its pool holding connections the server has closed. The first
    /// request to meet one answers 503 as during an outage; Npgsql then clears the pool, so the requests after it open
    /// fresh connections instead of each meeting the next dead one and answering 503 for a database that is up.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AfterAQuickRestart_AtMostOneRequestMeetsADeadPooledConnection(bool immediate)
    {
        // The test's own connections (Npgsql's process-wide pools, not the service's data source) may date from the
        // other restarts of this class.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var driver = await ProcedureDriver.CreateAsync(app);
        var admin = driver.Admin;
        for (var round = 0; round < 3; round++)
        {
            // Requests at once leave as many idle connections in the service's pool.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => (await admin.GetAsync("/api/tasks")).EnsureSuccessStatusCode()));
        }
        await using (var db = await app.OpenConnectionAsync())
        {
            var idle = await db.ExecuteScalarAsync<int>(
                "select count(*) from pg_stat_activity where datname = current_database() and state = 'idle' and pid <> pg_backend_pid()");
            Assert.True(idle >= 8, $"only {idle} idle pooled connections before the restart");
        }
        await app.Cluster.InterruptAsync(immediate);
        await app.Cluster.RestartAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await admin.GetAsync("/api/tasks")).StatusCode);
        }

        output.WriteLine(string.Join(", ", statuses.Select(s => (int)s)));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.True(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable) <= 1, $"503s after the restart: {string.Join(", ", statuses.Select(s => (int)s))}");
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        await HealthAsync(HttpStatusCode.OK);
    }

    private async Task HealthAsync(HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health")).StatusCode == expected, $"/health to answer {(int)expected}");
    }
}
