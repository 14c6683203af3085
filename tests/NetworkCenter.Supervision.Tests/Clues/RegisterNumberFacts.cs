using System.Net;
using System.Net.Http.Json;
using Dapper;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class RegisterNumberFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task RegisterNumbers_HaveNoGapsOrRepeats_Under200ConcurrentRegistrations()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var clues = Enumerable.Range(0, 200).Select(_ => ClueTestData.Judgment(office)).ToList();

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
