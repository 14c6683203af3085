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

    [Fact]
    public async Task Patch_GivesTheTasksCreatedAfterwards_ToTheNewProcurator_WithTheNewNameForLetters()
    {
        var (driver, clueId, first, second) = await AssignedClueAsync();
        var rapidResponse = (await driver.TaskAsync(clueId, "ContactLiaison")).InstanceId;

        var response = await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = second.StaffId });
        var bySecond = await driver.AsAsync(second);
        await driver.CompleteAsync(bySecond, await driver.TaskAsync(clueId, "ContactLiaison"),
            new { contactedAt = "2026-03-03T10:00:00+08:00", liaisonContactNote = "已电话联系。" });
        await driver.CompleteAsync(bySecond, await driver.TaskAsync(clueId, "ContactParties"), new { partiesContactNote = "申请人称一审认定事实错误。" });
        await driver.CompleteAsync(bySecond, await driver.TaskAsync(clueId, "PrepareFiling"), new { filingMaterials = "审查报告初稿", reportedTo = "主管检察官" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Review and discussion is called by rapid response with its variables: created after the hand-over, it is the new procurator's.
        var review = await driver.TaskAsync(clueId, "Review");
        Assert.Equal(second.Username, review.Assignee);
        var variables = (await driver.InstanceAsync(review.InstanceId))["variables"]!;
        await using var db = await app.OpenConnectionAsync();
        var phone = await db.ExecuteScalarAsync<string?>("select phone from supervision.staff where id = @id", new { id = second.StaffId });
        Assert.Equal((second.Username, second.Name, phone),
            (variables["procurator"]!.GetValue<string>(), variables["procuratorName"]!.GetValue<string>(), variables["procuratorPhone"]?.GetValue<string>()));
        var set = Assert.Single((await driver.Admin.GetFromJsonAsync<JsonArray>($"/api/instances/{rapidResponse}/history"))!,
            e => e!["kind"]!.GetValue<string>() == "variables-set")!;
        Assert.Equal("admin", set["user"]!.GetValue<string>());
        Assert.Equal((first.Username, second.Username),
            (set["data"]!["variables"]!["procurator"]!["before"]!.GetValue<string>(), set["data"]!["variables"]!["procurator"]!["after"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_Returns409_WhileIntakeRecordsTheAssignment_AndAfterwardsClueTasksAndVariablesAgree()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var first = await driver.StaffAsync(Roles.HandlingProcurator);
        var second = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        var assignment = await driver.TaskAsync(clueId, "AssignProcurator");
        // Hold the clue's row so that the service task recording the assignment stops at its write: the assignment task
        // is closed, the clue has no procurator yet, and rapid response has not begun. The correction comes in then.
        Task<HttpResponseMessage> patch;
        await using (var holder = await app.OpenConnectionAsync())
        {
            await using var hold = await holder.BeginTransactionAsync();
            await holder.ExecuteAsync("select 1 from supervision.clues where id = @clueId for update", new { clueId }, hold);
            await driver.CompleteAsync(assignment, new { procurator = first.Username });
            await WaitingForTheClueRowAsync("update supervision.clues set assigned_procurator_id", "the assignment's record");
            // Released only once the correction waits behind the record too, so it cannot come after intake moved on.
            patch = PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = second.StaffId });
            await WaitingForTheClueRowAsync("for update of c", "the correction");
            await hold.RollbackAsync();
        }
        var refused = await patch;

        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)refused.StatusCode}: {refusal}");
        Assert.Equal("clue.assignment-being-recorded", JsonDocument.Parse(refusal).RootElement.GetProperty("code").GetString());
        Assert.Equal(first.Username, (await driver.TaskAsync(clueId, "ContactLiaison")).Assignee);
        var accepted = await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = second.StaffId });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var clue = (await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!;
        Assert.Equal(second.StaffId, clue["assignedProcuratorId"]!.GetValue<long>());
        foreach (var element in new[] { "ContactLiaison", "ContactParties", "PrepareFiling" })
        {
            var task = await driver.TaskAsync(clueId, element);
            Assert.Equal(second.Username, task.Assignee);
            var variables = (await driver.InstanceAsync(task.InstanceId))["variables"]!;
            Assert.Equal((second.Username, second.Name), (variables["procurator"]!.GetValue<string>(), variables["procuratorName"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task PatchToNoProcurator_Returns400NamingTheField_WhileAProcedureRuns_AndChangesNothing()
    {
        var (driver, clueId, first, _) = await AssignedClueAsync();

        var response = await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = null, ["judge"] = "王审判" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        var message = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("assignedProcuratorId").EnumerateArray()).GetString()!;
        Assert.Contains("rapid-response", message, StringComparison.Ordinal);
        var clue = (await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!;
        Assert.Equal(first.StaffId, clue["assignedProcuratorId"]!.GetValue<long>());
        Assert.NotEqual("王审判", clue["judge"]?.GetValue<string>());
        Assert.Equal(first.Username, (await driver.TaskAsync(clueId, "ContactLiaison")).Assignee);
    }

    [Fact]
    public async Task PatchToNoProcurator_IsAccepted_WhenNoProcedureOfTheClueRuns()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"),
            new { jurisdiction = "outside", kind = "outside-jurisdiction", department = "none", referredTo = "County Land Bureau" });
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = await app.OpenConnectionAsync();
            return await db.ExecuteScalarAsync<int>("select count(*) from engine.instances where business_key = @key and ended_at is null",
                new { key = clueId.ToString(System.Globalization.CultureInfo.InvariantCulture) }) == 0;
        }, "clue intake ended with the referral", TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = procurator.StaffId })).StatusCode);

        var response = await PatchAsync(driver.Admin, clueId, new JsonObject { ["assignedProcuratorId"] = null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!["assignedProcuratorId"]);
    }

    private Task WaitingForTheClueRowAsync(string statement, string who) =>
        Eventually.HoldsAsync(async () =>
        {
            await using var db = await app.OpenConnectionAsync();
            return await db.ExecuteScalarAsync<int>("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock' and position(@statement in query) > 0
                """, new { statement }) == 1;
        }, $"{who} waiting for the clue's row", TimeSpan.FromSeconds(30));

    /// <summary>A clue through triage and assignment to a first procurator, rapid response under way; a second procurator to take over.</summary>
    private async Task<(ProcedureDriver Driver, long ClueId, Person First, Person Second)> AssignedClueAsync()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var first = await driver.StaffAsync(Roles.HandlingProcurator);
        var second = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "AssignProcurator"), new { procurator = first.Username });
        await driver.TaskAsync(clueId, "ContactLiaison");
        await Eventually.HoldsAsync(async () => (await driver.Admin.GetFromJsonAsync<JsonObject>($"/api/clues/{clueId}"))!["assignedProcuratorId"]?.GetValue<long>() == first.StaffId,
            "the assignment recorded on the clue", TimeSpan.FromSeconds(30));
        return (driver, clueId, first, second);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, JsonObject body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/clues/{id}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });
}
