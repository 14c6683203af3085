using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class DuplicateFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_Returns409WithTheCandidate_ForTheSameCourtAndCaseNumber_WrittenDifferently()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var first = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office, caseNumber: "(2025)冀0123民初777号"));

        var response = await client.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(office, caseNumber: "（2025）冀0123民初 777 号"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var candidates = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates");
        Assert.Equal(first.RegisterNumber, candidates[0].GetProperty("registerNumber").GetString());
        Assert.Equal("case-number", candidates[0].GetProperty("matchedOn").GetString());
    }

    [Fact]
    public async Task Register_Returns409_ForTheSamePartyBeforeTheSameCourt_ButNotBeforeAnotherCourt()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var first = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office, partyName: "钱某某"));

        var sameCourt = await client.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(office, partyName: "钱某某"));
        var otherCourt = await client.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(office, partyName: "钱某某", court: "某市中级人民法院"));

        Assert.Equal(HttpStatusCode.Conflict, sameCourt.StatusCode);
        var candidates = (await sameCourt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates");
        Assert.Equal([first.Id], candidates.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal("parties", candidates[0].GetProperty("matchedOn").GetString());
        Assert.Equal(HttpStatusCode.Created, otherCourt.StatusCode);
    }

    [Fact]
    public async Task Register_RegistersTheDuplicate_WhenAskedToRegisterAnyway()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var clue = ClueTestData.Judgment(office);
        await ClueTestData.RegisterAsync(client, clue);
        clue["registerAnyway"] = true;

        var response = await client.PostAsJsonAsync("/api/clues", clue);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Merge_KeepsEverySourceAndAttachment_AndMarksTheDuplicateMergedWithAPointer()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var liaisonA = await ClueTestData.LiaisonAsync(app, office);
        var liaisonB = await ClueTestData.LiaisonAsync(app, office);
        var first = ClueTestData.Judgment(office);
        first["sourceKind"] = "liaison";
        first["liaisonId"] = liaisonA;
        var target = await Registered(await client.PostAsync("/api/clues", ClueTestData.Multipart(first, ("a.pdf", "application/pdf", ClueTestData.Pdf))));
        var second = ClueTestData.Judgment(office, caseNumber: (string)first["caseNumber"]!);
        second["sourceKind"] = "liaison";
        second["liaisonId"] = liaisonB;
        second["registerAnyway"] = true;
        var duplicate = await Registered(await client.PostAsync("/api/clues", ClueTestData.Multipart(second, ("b.png", "image/png", ClueTestData.Png))));

        var response = await client.PostAsync($"/api/clues/{duplicate.Id}/merge-into/{target.Id}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var survivor = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{target.Id}");
        Assert.Equal([liaisonA, liaisonB], survivor.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("liaisonId").GetInt64()));
        Assert.Equal(["a.pdf", "b.png"], survivor.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        var attachment = survivor.GetProperty("attachments")[1].GetProperty("id").GetInt64();
        Assert.Equal(ClueTestData.Png, await client.GetByteArrayAsync($"/api/clues/{target.Id}/attachments/{attachment}"));
        Assert.Contains(survivor.GetProperty("history").EnumerateArray(), h => h.GetProperty("note").GetString()!.Contains(duplicate.RegisterNumber, StringComparison.Ordinal));
        var merged = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{duplicate.Id}");
        Assert.Equal("merged", merged.GetProperty("status").GetString());
        Assert.Equal(target.Id, merged.GetProperty("mergedIntoId").GetInt64());
        Assert.Equal(target.RegisterNumber, merged.GetProperty("mergedIntoRegisterNumber").GetString());
        var last = merged.GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("registered", "merged", "admin"), (last.GetProperty("fromStatus").GetString(), last.GetProperty("toStatus").GetString(), last.GetProperty("actor").GetString()));
        Assert.Empty(merged.GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task Merge_RefusesTheSameClue_AMergedClue_AndUnknownClues()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var a = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office));
        var b = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office));
        var c = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office));
        (await client.PostAsync($"/api/clues/{a.Id}/merge-into/{b.Id}", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/clues/{c.Id}/merge-into/{c.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/clues/{a.Id}/merge-into/{c.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/clues/{c.Id}/merge-into/{a.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/clues/{c.Id}/merge-into/999999", null)).StatusCode);
    }

    [Fact]
    public async Task Register_DoesNotOfferAMergedClueAsACandidate()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var a = await ClueTestData.RegisterAsync(client, ClueTestData.Judgment(office));
        var clue = ClueTestData.Judgment(office);
        var b = await ClueTestData.RegisterAsync(client, clue);
        (await client.PostAsync($"/api/clues/{b.Id}/merge-into/{a.Id}", null)).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync("/api/clues", clue);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<ClueTestData.Registered> Registered(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!;
    }
}
