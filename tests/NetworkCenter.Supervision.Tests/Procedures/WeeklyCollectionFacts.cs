using System.Net;
using Dapper;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

[Collection(ProceduresCollection.Name)]
public sealed class WeeklyCollectionFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task EveryMonday_TheAdministratorGetsATask_AndEveryActiveOfficeIsAsked()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        // Let the start-up occurrence (Monday 03-02 09:00, when the definition was deployed) run out first.
        await driver.AdvanceAsync("PT1M");
        var active = await ClueTestData.OfficeAsync(app);
        var inactive = await ClueTestData.OfficeAsync(app, active: false);
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update supervision.offices set email = 'office' || id || '@example.cn', contact_person = '李主任' where id in (@active, @inactive)",
                new { active, inactive });
        }
        var before = await CollectTasksAsync(driver);

        await driver.AdvanceAsync("P6DT23H58M"); // Monday 03-09 08:59
        Assert.Equal(before.Count, (await CollectTasksAsync(driver)).Count);
        Assert.Equal(0, await driver.OutboxCountAsync($"office{active}@example.cn", "collection-request"));

        await driver.AdvanceAsync("PT1M");
        var mail = await driver.MailAsync($"office{active}@example.cn", "每周线索收集");
        Assert.Contains("李主任", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await driver.OutboxCountAsync($"office{inactive}@example.cn", "collection-request"));
        var tasks = await CollectTasksAsync(driver);
        Assert.Equal(before.Count + 1, tasks.Count);
        var task = tasks.Single(t => before.All(b => b.Id != t.Id));

        var refused = await driver.TryCompleteAsync(driver.Admin, task.Id, new { collectedCount = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("collectedCount", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await driver.CompleteAsync(task, new { collectedCount = 3, collectionNote = "三个联络室报送" });
        Assert.Equal("completed", (string)(await driver.InstanceAsync(task.InstanceId))["status"]!);
    }

    private static async Task<List<OpenTask>> CollectTasksAsync(ProcedureDriver driver) =>
        [.. (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<OpenTask>>(driver.Admin, "/api/tasks?candidateGroup=clue-administrator&limit=500"))!
            .Where(t => t.ElementId == "Collect")];
}
