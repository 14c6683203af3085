using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>Designer drafts kept on the server: saved without deploying, offered when the designer opens again, cleared by deploying.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerDraftFacts(BrowserTestServer app)
{
    private const string Key = "browser_draft";

    [Fact]
    public async Task SaveDraft_StoresItOnTheServer_ReopeningOffersIt_AndDeployingClearsIt()
    {
        using var api = await app.ApiClientAsync();
        var first = await api.PostAsync("/api/definitions", new StringContent(Diagrams.ReviewProcess(Key), Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var page = await app.SignedInPageAsync();
        await OpenDefinitionAsync(page);
        await page.Locator(".djs-element[data-element-id='Task_Review']").ClickAsync();
        await page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header").ClickAsync();
        await page.Locator("#bio-properties-panel-dueDate").FillAsync("P5D");
        await page.WaitForFunctionAsync(DueDateIs("P5D"));

        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Expect(page.Locator("#designer-status")).ToContainTextAsync($"草稿已保存到服务器：{Key}");
        var draft = await api.GetFromJsonAsync<JsonElement>($"/api/definitions/{Key}/draft");
        Assert.Contains("camunda:dueDate=\"P5D\"", draft.GetProperty("xml").GetString());
        Assert.Equal(1, draft.GetProperty("baseVersion").GetInt32());
        Assert.DoesNotContain("P5D", await api.GetStringAsync($"/api/definitions/{Key}/xml"));
        await page.Context.CloseAsync();

        // Another session, as if on another machine: opening the definition offers the draft.
        var again = await app.SignedInPageAsync();
        await OpenDefinitionAsync(again);
        await Expect(again.Locator("#designer-status")).ToContainTextAsync("此流程有一份草稿（admin 保存于");
        await BrowserTestServer.ScreenshotAsync(again, "designer-draft-offered");
        await again.Locator("#open-offered-draft").ClickAsync();
        await Expect(again.Locator("#designer-status")).ToContainTextAsync($"已打开草稿 {Key}");
        await again.WaitForFunctionAsync(DueDateIs("P5D"));

        await again.GetByRole(AriaRole.Button, new() { Name = "发布新版本" }).ClickAsync();
        await Expect(again.Locator("#designer-status")).ToHaveTextAsync($"已发布 {Key} 版本 2。");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/definitions/{Key}/draft")).StatusCode);
        Assert.Contains("camunda:dueDate=\"P5D\"", await api.GetStringAsync($"/api/definitions/{Key}/xml?version=2"));
        await Expect(again.Locator("#draft option[value='browser_draft']")).ToHaveCountAsync(0);
        await again.Context.CloseAsync();
    }

    private static async Task OpenDefinitionAsync(IPage page)
    {
        await page.GotoAsync("/designer");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-designer", "ready");
        await page.GetByLabel("流程", new() { Exact = true }).SelectOptionAsync(Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "打开", Exact = true }).ClickAsync();
        await Expect(page.Locator("#designer-status")).ToContainTextAsync($"已打开 {Key}");
    }

    private static string DueDateIs(string value) =>
        $"() => ncDesigner.modeler.get('elementRegistry').get('Task_Review').businessObject.get('camunda:dueDate') === '{value}'";
}
