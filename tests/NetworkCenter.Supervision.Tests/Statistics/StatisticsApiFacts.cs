using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Web.Statistics;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>The statistics API's shape, parameters and access; the figures themselves are in StatisticsFiguresFacts.</summary>
public sealed class StatisticsApiFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    public static TheoryData<string> Tables => [.. StatisticsTables.Names];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task EveryTable_AnswersJsonCsvAndXlsx_ForAnEmptyRegister(string table)
    {
        using var client = await app.SignedInClientAsync();

        var json = await client.GetAsync($"/api/statistics/{table}?month=2026-03");
        var csv = await client.GetAsync($"/api/statistics/{table}.csv?month=2026-03");
        var xlsx = await client.GetAsync($"/api/statistics/{table}.xlsx?month=2026-03");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await json.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"{table}-20260301-20260401.csv", csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(TableExport.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Overview_HoldsEveryTable()
    {
        using var client = await app.SignedInClientAsync();

        var overview = await client.GetFromJsonAsync<JsonElement>("/api/statistics?from=2026-01-01&to=2027-01-01&kind=public-interest");

        Assert.Equal("2026-01-01", overview.GetProperty("summary").GetProperty("from").GetString());
        Assert.Equal("public-interest", overview.GetProperty("summary").GetProperty("kind").GetString());
        Assert.Equal(12, overview.GetProperty("months").GetArrayLength());
        foreach (var table in new[] { "sources", "offices", "liaisons", "kinds", "statuses", "decisions", "outcomes", "deadlines", "fields" })
        {
            Assert.Equal(JsonValueKind.Array, overview.GetProperty(table).ValueKind);
        }
    }

    [Theory]
    [InlineData("", "from", "Required")]
    [InlineData("?from=2026-03-01", "to", "Required")]
    [InlineData("?from=2026-03-01&to=2026-02-01", "to", "must be after from")]
    [InlineData("?from=2026-3-1&to=2026-04-01", "from", "yyyy-MM-dd")]
    [InlineData("?month=2026-13", "month", "yyyy-MM")]
    [InlineData("?month=2026-03&from=2026-03-01", "month", "not both")]
    [InlineData("?month=2026-03&kind=nonsense", "kind", "Unknown value 'nonsense'")]
    [InlineData("?month=2026-03&asOf=yesterday", "asOf", "ISO 8601")]
    [InlineData("?from=2000-01-01&to=2026-01-01", "to", "at most")]
    public async Task BadPeriod_Is400_NamingTheParameter(string query, string field, string message)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.Supervisor, language: "en"); // English messages
        using var _client = client;

        var response = await client.GetAsync($"/api/statistics/sources{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTable_Is404_ListingTheTables()
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/api/statistics/nonsense.csv?month=2026-03");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("liaison-months", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaison_CannotReadTheStatistics_ButReadsTheirOwnFigures()
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _client = client;

        var staffOnly = await client.GetAsync("/api/statistics/liaisons?month=2026-03");
        var own = await client.GetAsync("/api/portal/statistics?month=2026-03");

        Assert.Equal(HttpStatusCode.Forbidden, staffOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(0, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }
}
