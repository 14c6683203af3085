using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class PortalFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Liaison_SubmitsAsThemselves_WithAttachments_WhateverTheBodySaysAboutTheSource()
    {
        var (client, liaison) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        clue["liaisonId"] = 999;

        var response = await client.PostAsync("/api/portal/clues", ClueTestData.Multipart(clue, ("判决书.pdf", "application/pdf", ClueTestData.Pdf)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!;
        using var admin = await app.SignedInClientAsync();
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");
        Assert.Equal("liaison", stored.GetProperty("sourceKind").GetString());
        Assert.Equal(liaison.LiaisonId, stored.GetProperty("liaisonId").GetInt64());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("officeId").ValueKind);
        Assert.Equal("判决书.pdf", stored.GetProperty("attachments")[0].GetProperty("fileName").GetString());
        var mine = await client.GetFromJsonAsync<JsonElement>($"/api/portal/clues/{registered.Id}");
        Assert.Equal(registered.RegisterNumber, mine.GetProperty("clue").GetProperty("registerNumber").GetString());
        Assert.Equal(["判决书.pdf"], mine.GetProperty("myAttachments").EnumerateArray().Select(a => a.GetString()));
        client.Dispose();
    }

    [Fact]
    public async Task Liaison_SeesOnlyTheirOwnClues_AndGets404ForAnothers()
    {
        var (alice, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var (bob, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var office = await ClueTestData.OfficeAsync(app);
        var alices = await ClueTestData.RegisterAsync(alice, office, portal: true);
        var bobs = await ClueTestData.RegisterAsync(bob, office, portal: true);

        var list = await alice.GetFromJsonAsync<JsonElement>("/api/portal/clues");
        var others = await alice.GetAsync($"/api/portal/clues/{bobs.Id}");
        var missing = await alice.GetAsync("/api/portal/clues/999999");

        Assert.Equal([alices.Id], list.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        alice.Dispose();
        bob.Dispose();
    }

    [Fact]
    public async Task Liaison_KeepsSeeingTheirClue_AfterItIsMergedIntoAnothers()
    {
        var (alice, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var (bob, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var office = await ClueTestData.OfficeAsync(app);
        var clue = ClueTestData.Judgment(office);
        var bobs = await ClueTestData.RegisterAsync(bob, clue, "/api/portal/clues");
        var alices = await ClueTestData.RegisterAsync(alice, clue, "/api/portal/clues");
        using var admin = await app.SignedInClientAsync();
        (await admin.PostAsync($"/api/clues/{alices.Id}/merge-into/{bobs.Id}", null)).EnsureSuccessStatusCode();

        var list = await alice.GetFromJsonAsync<JsonElement>("/api/portal/clues");

        Assert.Equal([bobs.Id, alices.Id], list.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        var survivor = await alice.GetFromJsonAsync<JsonElement>($"/api/portal/clues/{bobs.Id}");
        Assert.Equal(JsonValueKind.Null, survivor.GetProperty("summary").ValueKind);
        alice.Dispose();
        bob.Dispose();
    }

    [Fact]
    public async Task Liaison_IsRefusedTheStaffRegister_AndStaffTheLiaisonPortal()
    {
        var (liaison, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        var (procurator, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);

        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/clues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await procurator.GetAsync("/api/portal/clues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await procurator.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurator.GetAsync("/api/clues")).StatusCode);
        liaison.Dispose();
        procurator.Dispose();
    }
}
