using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Supervision.Seeding;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class DemoCluesFacts(DemoNetworkApp app) : IClassFixture<DemoNetworkApp>
{
    [Fact]
    public async Task DemoSeed_RegistersSixtyCluesAcrossKindsSourcesAndStatuses_WithoutGaps()
    {
        using var client = await app.SignedInClientAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/clues?pageSize=100&sort=registerNumber");

        Assert.Equal(60, page.GetProperty("total").GetInt64());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["judgment-supervision", "judicial-misconduct", "public-interest", "outside-jurisdiction"],
            items.Select(c => c.GetProperty("kind").GetString()).OfType<string>().Distinct().Order(Comparer<string>.Create((a, b) => Rank(a) - Rank(b))));
        Assert.Superset(
            new HashSet<string?> { "draft", "registered", "triage", "assigned", "under-review", "filed", "not-filed", "referred", "closed", "merged" },
            items.Select(c => c.GetProperty("status").GetString()).ToHashSet());
        Assert.Superset(
            new HashSet<string?> { "liaison", "liaison-office", "reporting-point", "walk-in", "letter", "transfer", "12309", "email" },
            items.Select(c => c.GetProperty("sourceKind").GetString()).ToHashSet());
        var numbers = items.Select(c => c.GetProperty("registerNumber").GetString()).OfType<string>().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => $"2026-{n:0000}"), numbers);
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            select count(*) from supervision.clues c
            where c.status not in ('draft', 'merged') and not exists (select 1 from supervision.clue_sources s where s.clue_id = c.id)
            """));
    }

    [Fact]
    public async Task DemoSeed_LeavesARegisterWithCluesAlone()
    {
        using var client = await app.SignedInClientAsync();
        var seed = app.Services.GetServices<IStartupSeed>().Single(s => s.GetType().Name == "DemoCluesSeed");

        await seed.SeedAsync(CancellationToken.None);

        Assert.Equal(60, (await client.GetFromJsonAsync<JsonElement>("/api/clues")).GetProperty("total").GetInt64());
    }

    private static int Rank(string kind) => kind switch
    {
        "judgment-supervision" => 0,
        "judicial-misconduct" => 1,
        "public-interest" => 2,
        _ => 3,
    };
}
