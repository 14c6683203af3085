using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Statistics;

public sealed class ClueOutcomesFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task HandlingProcurator_RecordsAnOutcome_AndStaffReadIt()
    {
        using var admin = await app.SignedInClientAsync();
        var clue = await ClueTestData.RegisterAsync(admin, await ClueTestData.OfficeAsync(app), portal: false);
        var (procurator, account) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var _procurator = procurator;

        var response = await procurator.PostAsJsonAsync($"/api/clues/{clue.Id}/outcomes",
            new { kind = "transferred-for-prosecution", amountRecovered = 3500.25m, lossAvoided = 10000m, note = "移送公安机关" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{clue.Id}/outcomes");
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal("transferred-for-prosecution", entry.GetProperty("kind").GetString());
        Assert.Equal(3500.25m, entry.GetProperty("amountRecovered").GetDecimal());
        Assert.Equal(10000m, entry.GetProperty("lossAvoided").GetDecimal());
        Assert.Equal(account.Username, entry.GetProperty("recordedBy").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"won"}""", "kind", "Unknown value 'won'")]
    [InlineData("""{}""", "kind", "Required.")]
    [InlineData("""{"kind":"retrial-ordered","amountRecovered":-1}""", "amountRecovered", "only a correction")]
    [InlineData("""{"kind":"retrial-ordered","lossAvoided":1.005}""", "lossAvoided", "two decimal places")]
    [InlineData("""{"kind":"retrial-ordered","lossAvoided":100000000000000000}""", "lossAvoided", "At most")]
    [InlineData("""{"kind":"correction","amountRecovered":-1}""", "note", "Required on a correction")]
    public async Task BadOutcome_Is400_NamingTheField_AndStoresNothing(string body, string field, string message)
    {
        var (admin, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.ClueAdministrator, language: "en"); // English messages
        using var _admin = admin;
        var clue = await ClueTestData.RegisterAsync(admin, await ClueTestData.OfficeAsync(app), portal: false);

        var response = await admin.PostAsync($"/api/clues/{clue.Id}/outcomes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{clue.Id}/outcomes")).GetArrayLength());
    }

    [Fact]
    public async Task MergedClue_RefusesOutcomes_PointingToTheSurvivor_AndAMissingClueIs404()
    {
        using var admin = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var survivor = await ClueTestData.RegisterAsync(admin, office, portal: false);
        var duplicate = await ClueTestData.RegisterAsync(admin, office, portal: false);
        (await admin.PostAsync($"/api/clues/{duplicate.Id}/merge-into/{survivor.Id}", null)).EnsureSuccessStatusCode();

        var merged = await admin.PostAsJsonAsync($"/api/clues/{duplicate.Id}/outcomes", new { kind = "other" });
        var missing = await admin.PostAsJsonAsync("/api/clues/987654321/outcomes", new { kind = "other" });

        Assert.Equal(HttpStatusCode.BadRequest, merged.StatusCode);
        Assert.Contains(survivor.RegisterNumber, await merged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Outcomes_AreAppendOnly_InTheDatabase()
    {
        using var admin = await app.SignedInClientAsync();
        var clue = await ClueTestData.RegisterAsync(admin, await ClueTestData.OfficeAsync(app), portal: false);
        (await admin.PostAsJsonAsync($"/api/clues/{clue.Id}/outcomes", new { kind = "suggestion-adopted", amountRecovered = 10m })).EnsureSuccessStatusCode();
        await using var connection = await app.OpenConnectionAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("update supervision.clue_outcomes set amount_recovered = 99 where clue_id = @Id", new { clue.Id }));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            connection.ExecuteAsync("delete from supervision.clue_outcomes where clue_id = @Id", new { clue.Id }));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(10m, await connection.ExecuteScalarAsync<decimal>(
            "select amount_recovered from supervision.clue_outcomes where clue_id = @Id", new { clue.Id }));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Liaison)]
    public async Task OthersThanThoseWhoHandleClues_CannotRecordOutcomes(string role)
    {
        using var admin = await app.SignedInClientAsync();
        var clue = await ClueTestData.RegisterAsync(admin, await ClueTestData.OfficeAsync(app), portal: false);
        var (client, _) = await app.SignedInClientForRoleAsync(role);
        using var _client = client;

        var response = await client.PostAsJsonAsync($"/api/clues/{clue.Id}/outcomes", new { kind = "other" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
