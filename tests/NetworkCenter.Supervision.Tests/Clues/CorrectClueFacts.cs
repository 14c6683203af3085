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
/// PATCH /api/clues/{id}: the clue administrator corrects a registered clue and sets its handling procurator; only the
/// fields given change, each change is audited, bad values and stale revisions change nothing.
/// </summary>
public sealed class CorrectClueFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Patch_ChangesOnlyTheGivenFields_AndAuditsEachWithOldAndNewValueAndWho()
    {
        using var admin = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office, partyName: "张某伟"));
        var (before, etag) = await ReadAsync(admin, registered.Id);
        var parties = before["parties"]!.AsArray().Select(p => p!.DeepClone()).ToArray();
        parties[0]!["name"] = "张某炜";

        var response = await PatchAsync(admin, registered.Id, new JsonObject
        {
            ["parties"] = new JsonArray(parties), ["kind"] = "public-interest", ["publicInterestArea"] = "pollution",
        }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (after, newTag) = await ReadAsync(admin, registered.Id);
        Assert.Equal("张某炜", after["parties"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(before["parties"]![1]!.ToJsonString(), after["parties"]![1]!.ToJsonString());
        Assert.Equal(("public-interest", "pollution"), (after["kind"]!.GetValue<string>(), after["publicInterestArea"]!.GetValue<string>()));
        foreach (var unchanged in new[] { "summary", "court", "caseNumber", "judge", "judgmentDate", "amountInvolved", "officeId", "registerNumber", "agents", "sources" })
        {
            Assert.Equal(before[unchanged]?.ToJsonString(), after[unchanged]?.ToJsonString());
        }
        Assert.Equal(before["revision"]!.GetValue<int>() + 1, after["revision"]!.GetValue<int>());
        Assert.NotEqual(etag, newTag);
        Assert.Equal(newTag, response.Headers.ETag!.ToString());
        var audit = await AuditAsync(registered.Id);
        Assert.Equal(["kind", "parties", "publicInterestArea"], audit.Select(a => a.Field).Order());
        Assert.All(audit, a => Assert.Equal(("admin", "clue.corrected"), (a.Actor, a.Action)));
        var kind = audit.Single(a => a.Field == "kind");
        Assert.Equal(("judgment-supervision", "public-interest"), (kind.Before.GetString(), kind.After.GetString()));
        var party = audit.Single(a => a.Field == "parties");
        Assert.Equal(("张某伟", "张某炜"), (party.Before[0].GetProperty("name").GetString(), party.After[0].GetProperty("name").GetString()));
        // Search and duplicate detection see the corrected name.
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString("张某炜")}");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == registered.Id);
    }

    [Fact]
    public async Task Patch_CorrectsTheSource_OnTheClueAndItsSourceRow_TakingANewLiaisonsOffice()
    {
        using var admin = await app.SignedInClientAsync();
        var wrongOffice = await ClueTestData.OfficeAsync(app);
        var rightOffice = await ClueTestData.OfficeAsync(app);
        var liaison = await ClueTestData.LiaisonAsync(app, rightOffice);
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(wrongOffice));

        var toOffice = await PatchAsync(admin, registered.Id, new JsonObject { ["officeId"] = rightOffice });
        var toLiaison = await PatchAsync(admin, registered.Id, new JsonObject { ["sourceKind"] = "liaison", ["liaisonId"] = liaison });

        Assert.Equal(HttpStatusCode.OK, toOffice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, toLiaison.StatusCode);
        var (clue, _) = await ReadAsync(admin, registered.Id);
        Assert.Equal(("liaison", rightOffice, liaison), (clue["sourceKind"]!.GetValue<string>(), clue["officeId"]!.GetValue<long>(), clue["liaisonId"]!.GetValue<long>()));
        var source = Assert.Single(clue["sources"]!.AsArray());
        Assert.Equal(("liaison", rightOffice, liaison), (source!["sourceKind"]!.GetValue<string>(), source["officeId"]!.GetValue<long>(), source["liaisonId"]!.GetValue<long>()));
        var audit = await AuditAsync(registered.Id);
        var office = audit.First(a => a.Field == "officeId");
        Assert.Equal((wrongOffice, rightOffice), (office.Before.GetInt64(), office.After.GetInt64()));
    }

    [Fact]
    public async Task Patch_SetsAndChangesTheAssignedProcurator_OnlyToAnActiveHandlingProcurator()
    {
        // The messages asserted are English: a clue administrator who reads English.
        var (admin, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en");
        using var _admin = admin;
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(await ClueTestData.OfficeAsync(app)));
        var first = await app.CreateAccountAsync(Roles.HandlingProcurator);
        var second = await app.CreateAccountAsync(Roles.HandlingProcurator);
        var supervisor = await app.CreateAccountAsync(Roles.Supervisor);

        var set = await PatchAsync(admin, registered.Id, new JsonObject { ["assignedProcuratorId"] = first.StaffId });
        var changed = await PatchAsync(admin, registered.Id, new JsonObject { ["assignedProcuratorId"] = second.StaffId });
        var notAProcurator = await PatchAsync(admin, registered.Id, new JsonObject { ["assignedProcuratorId"] = supervisor.StaffId });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await AssertNamesFieldAsync(notAProcurator, "assignedProcuratorId", "is not a handling procurator");
        var (clue, _) = await ReadAsync(admin, registered.Id);
        Assert.Equal(second.StaffId, clue["assignedProcuratorId"]!.GetValue<long>());
        var audit = await AuditAsync(registered.Id);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(("clue.procurator-assigned", "assignedProcuratorId"), (a.Action, a.Field)));
        Assert.Equal(JsonValueKind.Null, audit[0].Before.ValueKind);
        Assert.Equal((first.StaffId, second.StaffId), (audit[1].Before.GetInt64(), audit[1].After.GetInt64()));
    }

    public static TheoryData<string, string, string> BadCorrections => new()
    {
        { """{ "kind": "bogus" }""", "kind", "must be one of" },
        { """{ "kind": "public-interest" }""", "publicInterestArea", "is required for public-interest clues" },
        { """{ "judgmentDate": "20-11-2025" }""", "judgmentDate", "must be a date such as 2026-03-02" },
        { """{ "amountInvolved": "lots" }""", "amountInvolved", "must be a number" },
        { """{ "summary": "  " }""", "summary", "is required" },
        { """{ "court": null }""", "court", "is required for judgment-supervision clues" },
        { """{ "parties": [ { "role": "applicant", "personKind": "natural", "name": "" } ] }""", "parties[0].name", "is required" },
        { """{ "parties": null }""", "parties", "must be the whole list" },
        { """{ "officeId": 987654321 }""", "officeId", "no office 987654321" },
        { """{ "liaisonId": "seven" }""", "liaisonId", "must be a record id" },
        { """{ "registerNumber": "2026-9999" }""", "registerNumber", "is not a field of a clue that can be corrected" },
        { """{ "status": "closed" }""", "status", "is not a field of a clue that can be corrected" },
    };

    [Theory]
    [MemberData(nameof(BadCorrections))]
    public async Task Patch_Returns400NamingTheField_AndChangesNothing(string body, string field, string message)
    {
        // The messages asserted are English: a clue administrator who reads English.
        var (admin, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en");
        using var _admin = admin;
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(await ClueTestData.OfficeAsync(app)));
        var (before, _) = await ReadAsync(admin, registered.Id);

        var response = await PatchAsync(admin, registered.Id, JsonNode.Parse(body)!.AsObject());

        await AssertNamesFieldAsync(response, field, message);
        var (after, _) = await ReadAsync(admin, registered.Id);
        Assert.Equal(Register(before), Register(after));
        Assert.Empty(await AuditAsync(registered.Id));
    }

    [Fact]
    public async Task Patch_Returns409_WhenTheIfMatchRevisionIsStale_AndChangesNothing()
    {
        // The messages asserted are English: a clue administrator who reads English.
        var (admin, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en");
        using var _admin = admin;
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(await ClueTestData.OfficeAsync(app)));
        var (_, etag) = await ReadAsync(admin, registered.Id);
        (await PatchAsync(admin, registered.Id, new JsonObject { ["judge"] = "王审判" }, etag)).EnsureSuccessStatusCode();

        var stale = await PatchAsync(admin, registered.Id, new JsonObject { ["judge"] = "赵审判" }, etag);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since you read it", await TitleAsync(stale), StringComparison.Ordinal);
        var (clue, _) = await ReadAsync(admin, registered.Id);
        Assert.Equal("王审判", clue["judge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_RefusesAMergedClue_NamingTheClueItWasMergedInto()
    {
        // The messages asserted are English: a clue administrator who reads English.
        var (admin, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en");
        using var _admin = admin;
        var office = await ClueTestData.OfficeAsync(app);
        var survivor = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office));
        var duplicate = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(office));
        (await admin.PostAsync($"/api/clues/{duplicate.Id}/merge-into/{survivor.Id}", null)).EnsureSuccessStatusCode();

        var response = await PatchAsync(admin, duplicate.Id, new JsonObject { ["judge"] = "王审判" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($"Clue {duplicate.RegisterNumber} was merged into clue {survivor.RegisterNumber}: correct that one instead.", await TitleAsync(response));
        Assert.Empty(await AuditAsync(duplicate.Id));
    }

    [Theory]
    [InlineData(Roles.Liaison)]
    [InlineData(Roles.HandlingProcurator)]
    [InlineData(Roles.Supervisor)]
    public async Task Patch_Returns403_ToAnyoneButTheClueAdministrator(string role)
    {
        using var admin = await app.SignedInClientAsync();
        var registered = await ClueTestData.RegisterAsync(admin, ClueTestData.Judgment(await ClueTestData.OfficeAsync(app)));
        var (client, _) = await app.SignedInClientForRoleAsync(role);
        using var _client = client;

        var response = await PatchAsync(client, registered.Id, new JsonObject { ["judge"] = "王审判" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await AuditAsync(registered.Id));
    }

    /// <summary>What a correction could change; the status and its history move on with the clue's intake meanwhile.</summary>
    private static string Register(JsonObject clue) =>
        string.Join('\n', clue.Where(p => p.Key is not ("status" or "history")).Select(p => $"{p.Key}={p.Value?.ToJsonString()}"));

    private static async Task<(JsonObject Clue, string ETag)> ReadAsync(HttpClient client, long id)
    {
        using var response = await client.GetAsync($"/api/clues/{id}");
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, JsonObject body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/clues/{id}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {body}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    private sealed record AuditEntry(string Actor, string Action, string Field, JsonElement Before, JsonElement After);

    private async Task<List<AuditEntry>> AuditAsync(long clueId)
    {
        await using var db = await app.OpenConnectionAsync();
        var rows = await db.QueryAsync<(string Actor, string Action, string Details)>(
            "select actor, action, details::text from supervision.audit_log where subject = @subject order by id", new { subject = $"clue:{clueId}" });
        return [.. rows.Select(r =>
        {
            var details = JsonDocument.Parse(r.Details).RootElement;
            return new AuditEntry(r.Actor, r.Action, details.GetProperty("field").GetString()!, details.GetProperty("before").Clone(), details.GetProperty("after").Clone());
        })];
    }
}
