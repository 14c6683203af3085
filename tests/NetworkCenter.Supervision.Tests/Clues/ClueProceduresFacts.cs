using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Procedures;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>GET /api/clues/{id}/procedures: what the clue's page shows beside the register facts.</summary>
[Collection(ProceduresCollection.Name)]
public sealed class ClueProceduresFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Procedures_ListInstancesAndCalledInstances_OpenTasksWithDueDates_ContactCardAndCaseNumber()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var (reader, _) = await app.SignedInClientForRoleAsync(Roles.Supervisor);

        var registered = await reader.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}/procedures");
        Assert.Equal(JsonValueKind.Null, registered.GetProperty("contact").GetProperty("procuratorName").ValueKind);
        var intake = Assert.Single(registered.GetProperty("instances").EnumerateArray());
        Assert.Equal("clue-intake", intake.GetProperty("definitionKey").GetString());

        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "AssignProcurator"), new { procurator = procurator.Username });
        var contactLiaison = await driver.TaskAsync(clueId, "ContactLiaison");
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                insert into supervision.clue_case_links (clue_id, national_case_number, recorded_by, recorded_at)
                values (@clueId, '冀检民监〔2026〕9号', 'admin', now())
                """, new { clueId });
        }

        var view = await reader.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}/procedures");
        var contact = view.GetProperty("contact");
        Assert.Equal(procurator.Name, contact.GetProperty("procuratorName").GetString());
        Assert.StartsWith("0311-555", contact.GetProperty("procuratorPhone").GetString(), StringComparison.Ordinal);
        Assert.Equal("assigned", contact.GetProperty("stage").GetString());
        Assert.Equal("已分配承办检察官", contact.GetProperty("stageNames").GetProperty("zh-CN").GetString());
        Assert.Equal("assigned to a handling procurator", contact.GetProperty("stageNames").GetProperty("en").GetString());
        Assert.Equal("冀检民监〔2026〕9号", view.GetProperty("nationalCaseNumber").GetString());

        var instances = view.GetProperty("instances").EnumerateArray().ToList();
        var called = Assert.Single(instances, i => i.GetProperty("definitionKey").GetString() == "rapid-response");
        Assert.Equal(intake.GetProperty("id").GetGuid(), called.GetProperty("parentInstanceId").GetGuid());
        Assert.Equal(1, called.GetProperty("version").GetInt32());
        Assert.Equal("active", called.GetProperty("status").GetString());
        var tasks = view.GetProperty("tasks").EnumerateArray().ToList();
        var task = Assert.Single(tasks, t => t.GetProperty("elementId").GetString() == "ContactLiaison");
        Assert.Equal(contactLiaison.Id, task.GetProperty("id").GetGuid());
        Assert.Equal(called.GetProperty("id").GetGuid(), task.GetProperty("instanceId").GetGuid());
        Assert.Equal(contactLiaison.Due, task.GetProperty("due").GetDateTimeOffset());
        // Earliest due first: the page sorts again by urgency, but the list alone already reads in order.
        var dues = tasks.Select(t => t.GetProperty("due").GetDateTimeOffset()).ToList();
        Assert.Equal(dues.Order(), dues);
    }

    [Fact]
    public async Task Procedures_OfAMisconductClue_DoNotNameTheConfidentialReporter()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId, "judicial-misconduct",
            clue => clue["reporter"] = new { name = "举报人钱某", phone = "13900001111" });
        var (head, _) = await app.SignedInClientForRoleAsync(Roles.DepartmentHead);

        var body = await head.GetStringAsync($"/api/clues/{clueId}/procedures");

        Assert.Contains("clue-intake", body, StringComparison.Ordinal);
        Assert.DoesNotContain("钱某", body, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedures_OfAnUnknownClue_Answer404_AndALiaisonIsRefused()
    {
        var (staff, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        var (liaison, _) = await app.SignedInClientForRoleAsync(Roles.Liaison);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/clues/987654321/procedures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync("/api/clues/987654321/procedures")).StatusCode);
    }
}
