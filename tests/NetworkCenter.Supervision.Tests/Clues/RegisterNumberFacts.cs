using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>Runs after the parallel classes, so the 200 registrations do not compete with them for the test cluster's connections.</summary>
[Collection(Intake.HangfireAloneCollection.Name)]
public sealed class RegisterNumberFacts(RegisterNumberFacts.RegisterNumberSmallPoolApp app) : IClassFixture<RegisterNumberFacts.RegisterNumberSmallPoolApp>
{
    /// <summary>
    /// The 200 requests wait for one of 40 connections instead of opening 100: the test cluster's connections are shared
    /// by every test class, and exhausting them would fail requests for a reason that is not ours. The registrations of
    /// one court are serialised (the duplicate check locks the court), so on a loaded machine the last ones wait longer
    /// than Npgsql's default 15 s for a connection and 30 s for a command: both are raised.
    /// </summary>
    public sealed class RegisterNumberSmallPoolApp : NetworkCenterApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:NetworkCenter", ConnectionString + ";Maximum Pool Size=40;Timeout=120;Command Timeout=120");
        }
    }

    [Fact]
    public async Task RegisterNumbers_HaveNoGapsOrRepeats_Under200ConcurrentRegistrations()
    {
        // The registrations of one court queue behind each other (see above): on a slow machine the last ones answer after
        // HttpClient's default 100 s, which says nothing about the numbers this test is about.
        using var client = await app.SignedInClientAsync(timeout: TimeSpan.FromMinutes(5));
        var office = await ClueTestData.OfficeAsync(app);
        var clues = Enumerable.Range(0, 200).Select(_ => ClueTestData.Judgment(office)).ToList();
        // Earlier test classes leave idle connections in Npgsql's process-wide pools (their own databases, Hangfire's);
        // closing them keeps this burst under the test cluster's max_connections.
        NpgsqlConnection.ClearAllPools();

        var responses = await Task.WhenAll(clues.Select(clue => client.PostAsJsonAsync("/api/clues", clue)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var returned = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<ClueTestData.Registered>())!.RegisterNumber));
        var expected = Enumerable.Range(1, 200).Select(n => $"2026-{n:0000}").ToList();
        Assert.Equal(expected, returned.Order(StringComparer.Ordinal));
        await using var connection = await app.OpenConnectionAsync();
        var stored = await connection.QueryAsync<string>("select register_number from supervision.clues order by register_number");
        Assert.Equal(expected, stored);
        Assert.Equal(200, await connection.ExecuteScalarAsync<int>("select last_number from supervision.clue_register_counters where year = 2026"));
    }

    [Fact]
    public async Task RegisterNumbers_StartAgainAtOne_InANewYear_ByChinaStandardTime()
    {
        _ = app.Services; // starts the host, which migrates the database
        await using var connection = await app.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var lastOf2027 = await Supervision.Clues.RegisterNumbers.NextAsync(connection, transaction, new DateTimeOffset(2027, 12, 31, 15, 59, 0, TimeSpan.Zero));
        var firstOf2028 = await Supervision.Clues.RegisterNumbers.NextAsync(connection, transaction, new DateTimeOffset(2027, 12, 31, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal("2027-0001", lastOf2027.Number);
        Assert.Equal("2028-0001", firstOf2028.Number);
        await transaction.RollbackAsync();
    }
}
