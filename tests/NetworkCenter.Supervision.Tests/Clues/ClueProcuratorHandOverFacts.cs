using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Procedures;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>
/// PATCH of a clue's handling procurator and its procedures: refused while clue intake's assignment task is open;
/// afterwards the clue's open tasks of the previous procurator go to the new one, journalled with who handed them over.
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class ClueProcuratorHandOverFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Patch_Returns409NamingTheAssignmentTask_WhileIntakeWaitsForIt_AndStoresNothing()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        var assignment = await driver.TaskAsync(clueId, "AssignProcurator");

        // The title asserted is English: a clue administrator who reads English.
        var clerk = await driver.StaffAsync(Roles.ClueAdministrator, "en");
        using var english = await driver.AsAsync(clerk);
        var response = await PatchAsync(english, clueId, new JsonObject { ["assignedProcuratorId"] = procurator.StaffId, ["judge"] = "王审判" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {body}");
        var title = JsonDocument.Parse(body).RootElement.GetProperty("title").GetString()!;
        Assert.Contains("Assign a handling procurator", title, StringComparison.Ordinal);
        Assert.Contains(assignment.Id.ToString(), title, StringComparison.Ordinal);
        Assert.Contains("task inbox", title, StringComparison.Ordinal);
        var clue = (await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!;
        Assert.Null(clue["assignedProcuratorId"]);
        Assert.NotEqual("王审判", clue["judge"]?.GetValue<string>());
        await using var db = await app.OpenConnectionAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<int>("select count(*) from supervision.audit_log where subject = @subject", new { subject = $"clue:{clueId}" }));
        Assert.Equal(assignment.Id, (await driver.TaskAsync(clueId, "AssignProcurator")).Id);
    }

    [Fact]
    public async Task Patch_HandsTheClueOpenTasksOfThePreviousProcurator_ToTheNewOne_JournalledWithWhoDidIt()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var first = await driver.StaffAsync(Roles.HandlingProcurator);
        var second = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var (otherClueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        foreach (var id in new[] { clueId, otherClueId })
        {
            await driver.CompleteAsync(await driver.TaskAsync(id, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
            await driver.CompleteAsync(await driver.TaskAsync(id, "AssignProcurator"), new { procurator = first.Username });
        }
        var contactLiaison = await driver.TaskAsync(clueId, "ContactLiaison");
        // Rapid response opens its three tasks at once, all the procurator's.
        var held = new[] { contactLiaison, await driver.TaskAsync(clueId, "ContactParties"), await driver.TaskAsync(clueId, "PrepareFiling") };
        Assert.All(held, t => Assert.Equal(first.Username, t.Assignee));
        await Eventually.HoldsAsync(async () => (await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!["assignedProcuratorId"]?.GetValue<long>() == first.StaffId,
            "the assignment recorded on the clue", TimeSpan.FromSeconds(30));

        var response = await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = second.StaffId });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var task in held)
        {
            Assert.Equal(second.Username, (await driver.TaskAsync(clueId, task.ElementId)).Assignee);
        }
        Assert.Equal(first.Username, (await driver.TaskAsync(otherClueId, "ContactLiaison")).Assignee);
        var history = (await driver.Admin.GetFromJsonAsync<JsonArray>($"/api/instances/{contactLiaison.InstanceId}/history"))!;
        var handedOver = history.Where(e => e!["kind"]!.GetValue<string>() == "task-assigned").ToList();
        Assert.Equal(held.Select(t => t.Id.ToString()).Order(), handedOver.Select(e => e!["data"]!["taskId"]!.GetValue<string>()).Order());
        Assert.All(handedOver, e =>
        {
            Assert.Equal("admin", e!["user"]!.GetValue<string>());
            Assert.Equal((first.Username, second.Username), (e["data"]!["previousAssignee"]!.GetValue<string>(), e["data"]!["assignee"]!.GetValue<string>()));
        });
        await using (var db = await app.OpenConnectionAsync())
        {
            var audit = await db.ExecuteScalarAsync<string>(
                "select details::text from supervision.audit_log where subject = @subject and action = 'clue.procurator-assigned' order by id desc limit 1",
                new { subject = $"clue:{clueId}" });
            Assert.Contains(contactLiaison.Id.ToString(), audit!, StringComparison.Ordinal);
        }
        // The new procurator acts on the task; the previous one no longer may.
        var byFirst = await driver.TryCompleteAsync(await driver.AsAsync(first), contactLiaison.Id,
            new { contactedAt = "2026-03-03T10:00:00+08:00", liaisonContactNote = "已电话联系。" });
        Assert.Equal(HttpStatusCode.Forbidden, byFirst.StatusCode);
        await driver.CompleteAsync(await driver.AsAsync(second), contactLiaison,
            new { contactedAt = "2026-03-03T10:00:00+08:00", liaisonContactNote = "已电话联系。" });
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, JsonObject body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/clues/{id}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });
}
