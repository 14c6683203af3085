using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>
/// The inbox's own flow. How the server's refusal of a completion lands on the field is ServerMessagesFacts' case,
/// with the real server's 400 rather than a played one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Inbox_ClaimsATask_AndCompletesItThroughItsForm()
    {
        using var api = await app.ApiClientAsync();
        var deploy = await api.PostAsync("/api/definitions", new StringContent(Diagrams.DecisionProcess("browser_decision"), Encoding.UTF8, "application/xml"));
        Assert.True(deploy.IsSuccessStatusCode, await deploy.Content.ReadAsStringAsync());
        var clue = await api.PostAsJsonAsync("/api/clues", new
        {
            sourceKind = "walk-in",
            kind = "judgment-supervision",
            court = "县人民法院",
            caseNumber = "(2026)城民初字第7号",
            summary = "当事人认为一审判决认定事实错误。",
        });
        Assert.True(clue.IsSuccessStatusCode, await clue.Content.ReadAsStringAsync());
        var clueId = (await clue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var start = await api.PostAsJsonAsync("/api/instances", new { definitionKey = "browser_decision", variables = new { opinion = "初步意见", clueId } });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var instanceId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await app.SignedInPageAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "待办任务" }).ClickAsync();
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "作出立案决定" }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".badge")).ToHaveTextAsync("期限内");
        await row.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(page.Locator("#inbox-status")).ToHaveTextAsync("已认领“作出立案决定”。");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "退回" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "作出立案决定" }).ClickAsync();
        var opinion = page.GetByLabel("审查意见 / Review opinion");
        await Expect(opinion).ToHaveValueAsync("初步意见");
        await Expect(page.Locator("#task-clue")).ToContainTextAsync("当事人认为一审判决认定事实错误。");
        await Expect(page.Locator("#task-clue-link")).ToHaveAttributeAsync("href", $"/clues/{clueId}");

        await opinion.FillAsync("线索事实清楚，符合立案条件。");
        // form-js draws its own select: open it, then choose the option.
        await page.Locator(".fjs-form-field-select .fjs-input-group").ClickAsync();
        await page.Locator(".fjs-dropdownlist-item", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^立案 / File$") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "完成任务" }).ClickAsync();

        await Expect(page.Locator("#inbox-status")).ToHaveTextAsync("任务“作出立案决定”已完成。");
        await Expect(row).ToHaveCountAsync(0);
        var instance = await api.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal("file", instance.GetProperty("variables").GetProperty("decision").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InstanceViewer_HighlightsTheActiveElement()
    {
        using var api = await app.ApiClientAsync();
        var deploy = await api.PostAsync("/api/definitions", new StringContent(Diagrams.ReviewProcess("browser_viewer"), Encoding.UTF8, "application/xml"));
        Assert.True(deploy.IsSuccessStatusCode, await deploy.Content.ReadAsStringAsync());
        var start = await api.PostAsJsonAsync("/api/instances", new { definitionKey = "browser_viewer", variables = new { clue = "2026-001" } });
        var instanceId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await app.SignedInPageAsync();

        await page.GotoAsync($"/instances/{instanceId}");

        await Expect(page.Locator(".djs-element.nc-active[data-element-id='Task_Review']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".djs-element.nc-done[data-element-id='StartEvent_1']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#instance-state")).ToHaveTextAsync("进行中");
        await Expect(page.Locator(".variables")).ToContainTextAsync("2026-001");
        await Expect(page.Locator("#journal [data-kind='task-created']")).ToHaveTextAsync("任务创建");
        await BrowserTestServer.ScreenshotAsync(page, "instance");
        await page.Context.CloseAsync();
    }
}
