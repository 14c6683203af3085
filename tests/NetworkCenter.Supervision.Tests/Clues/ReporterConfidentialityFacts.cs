using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class ReporterConfidentialityFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task MisconductReporter_IsSeenOnlyByTheClueAdministratorAndTheAssignedProcurator()
    {
        var office = await ClueTestData.OfficeAsync(app);
        var liaison = await ClueTestData.LiaisonAsync(app, office);
        var (administrator, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator);
        var (assigned, assignedAccount) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        var (other, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        var (head, _) = await app.SignedInClientForRoleAsync(Roles.DepartmentHead);
        var clue = ClueTestData.Judgment(office);
        clue["kind"] = "judicial-misconduct";
        clue["sourceKind"] = "liaison";
        clue["liaisonId"] = liaison;
        clue["reporter"] = new { name = "举报人孙某", phone = "13900000000", idNumber = ClueTestData.ResidentId(4242) };
        var registered = await ClueTestData.RegisterAsync(administrator, clue);
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update supervision.clues set assigned_procurator_id = @staff where id = @id",
                new { staff = assignedAccount.StaffId, id = registered.Id });
        }

        foreach (var client in new[] { administrator, assigned })
        {
            var seen = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");
            Assert.Equal("举报人孙某", seen.GetProperty("reporter").GetProperty("name").GetString());
            Assert.Equal(liaison, seen.GetProperty("liaisonId").GetInt64());
            Assert.False(seen.GetProperty("reporterRedacted").GetBoolean());
        }
        foreach (var client in new[] { other, head })
        {
            var body = await client.GetStringAsync($"/api/clues/{registered.Id}");
            var redacted = JsonDocument.Parse(body).RootElement;
            Assert.True(redacted.GetProperty("reporterRedacted").GetBoolean());
            Assert.Equal(JsonValueKind.Null, redacted.GetProperty("reporter").ValueKind);
            Assert.Equal(JsonValueKind.Null, redacted.GetProperty("liaisonId").ValueKind);
            Assert.DoesNotContain("孙某", body, StringComparison.Ordinal);
            Assert.DoesNotContain("13900000000", body, StringComparison.Ordinal);
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/clues?liaisonId={liaison}");
            Assert.Equal(0, found.GetProperty("total").GetInt64());
            var listed = await client.GetFromJsonAsync<JsonElement>("/api/clues?kind=judicial-misconduct");
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("items")[0].GetProperty("liaisonId").ValueKind);
        }
        foreach (var client in new[] { administrator, assigned, other, head })
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task ReporterOfOtherKinds_IsSeenByEveryStaffRole()
    {
        var office = await ClueTestData.OfficeAsync(app);
        using var admin = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(office);
        clue["reporter"] = new { name = "来访人周某" };
        var registered = await ClueTestData.RegisterAsync(admin, clue);
        var (procurator, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);

        var seen = await procurator.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");

        Assert.Equal("来访人周某", seen.GetProperty("reporter").GetProperty("name").GetString());
        procurator.Dispose();
    }
}
