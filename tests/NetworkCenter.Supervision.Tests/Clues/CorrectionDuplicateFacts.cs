using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>
/// A correction of the court, case number or parties runs registration's duplicate check and answers its 409 with the
/// candidates, storing nothing, unless <c>correctAnyway</c>; other corrections do not run it.
/// </summary>
public sealed class CorrectionDuplicateFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task CorrectingTheCaseNumberToAnotherClues_Answers409WithTheCandidate_LikeRegistration_AndStoresNothing()
    {
        using var admin = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var existing = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office));
        var existingCase = (await admin.GetFromJsonAsync<JsonObject>($"/api/clues/{existing.Id}"))!["caseNumber"]!.GetValue<string>();
        var mistyped = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office));
        var registration = await admin.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(office, caseNumber: existingCase));

        var correction = await PatchAsync(admin, mistyped.Id, new JsonObject { ["caseNumber"] = existingCase, ["judge"] = "王审判" });

        Assert.Equal(HttpStatusCode.Conflict, registration.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
        var problem = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("correctAnyway", problem.GetProperty("title").GetString()!, StringComparison.Ordinal);
        // The candidates as registration reports them, so the clue page shows them as the register page does.
        var registered = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates");
        Assert.Equal(registered.ToString(), problem.GetProperty("candidates").ToString());
        var candidate = Assert.Single(problem.GetProperty("candidates").EnumerateArray());
        Assert.Equal((existing.Id, existing.RegisterNumber, "case-number"),
            (candidate.GetProperty("id").GetInt64(), candidate.GetProperty("registerNumber").GetString(), candidate.GetProperty("matchedOn").GetString()));
        var after = (await admin.GetFromJsonAsync<JsonObject>($"/api/clues/{mistyped.Id}"))!;
        Assert.NotEqual(existingCase, after["caseNumber"]!.GetValue<string>());
        Assert.Equal("李审判", after["judge"]!.GetValue<string>());
        Assert.Equal(0, await AuditCountAsync(mistyped.Id));
    }

    [Fact]
    public async Task CorrectingAPartyToOneBeforeTheSameCourt_IsStored_WithCorrectAnyway()
    {
        using var admin = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var existing = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office, partyName: "钱某某"));
        var other = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office, partyName: "钱某"));
        var parties = (await admin.GetFromJsonAsync<JsonObject>($"/api/clues/{other.Id}"))!["parties"]!.AsArray().Select(p => p!.DeepClone()).ToArray();
        parties[0]!["name"] = "钱某某";

        var refused = await PatchAsync(admin, other.Id, new JsonObject { ["parties"] = new JsonArray(parties) });
        var anyway = await PatchAsync(admin, other.Id, new JsonObject { ["parties"] = new JsonArray(parties.Select(p => p!.DeepClone()).ToArray()), ["correctAnyway"] = true });
        var unrelated = await PatchAsync(admin, other.Id, new JsonObject { ["judge"] = "王审判" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var candidate = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates").EnumerateArray());
        Assert.Equal((existing.Id, "parties"), (candidate.GetProperty("id").GetInt64(), candidate.GetProperty("matchedOn").GetString()));
        Assert.Equal(HttpStatusCode.OK, anyway.StatusCode);
        // A correction that leaves court, case number and parties alone is not checked again.
        Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        var after = (await admin.GetFromJsonAsync<JsonObject>($"/api/clues/{other.Id}"))!;
        Assert.Equal(("钱某某", "王审判"), (after["parties"]![0]!["name"]!.GetValue<string>(), after["judge"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CorrectAnyway_MustBeABoolean()
    {
        // The message asserted is English: a clue administrator who reads English.
        var (admin, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en");
        using var _admin = admin;
        var clue = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(await ClueTestData.OfficeAsync(app)));

        var response = await PatchAsync(admin, clue.Id, new JsonObject { ["judge"] = "王审判", ["correctAnyway"] = "yes" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be true or false",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("correctAnyway")[0].GetString());
        Assert.Equal(0, await AuditCountAsync(clue.Id));
    }

    private async Task<int> AuditCountAsync(long clueId)
    {
        await using var db = await app.OpenConnectionAsync();
        return await db.ExecuteScalarAsync<int>("select count(*) from supervision.audit_log where subject = @subject", new { subject = $"clue:{clueId}" });
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, JsonObject body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/clues/{id}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });
}
