using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class DesignerFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Designer_ChangesADueDate_AndDeploysItAsANewVersion()
    {
        using var api = await app.ApiClientAsync();
        var first = await api.PostAsync("/api/definitions", new StringContent(Diagrams.ReviewProcess("browser_review"), Encoding.UTF8, "application/xml"));
        Assert.Equal(System.Net.HttpStatusCode.Created, first.StatusCode);
        var deployed = await first.Content.ReadFromJsonAsync<Deployed>();
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/designer");
        await page.GetByLabel("流程", new() { Exact = true }).SelectOptionAsync("browser_review");
        await page.GetByRole(AriaRole.Button, new() { Name = "打开", Exact = true }).ClickAsync();
        await Expect(page.Locator("#designer-status")).ToContainTextAsync($"已打开 browser_review（版本 {deployed!.Version}）");
        await page.Locator(".djs-element[data-element-id='Task_Review']").ClickAsync();
        await page.Locator("[data-group-id='group-CamundaPlatform__UserAssignment'] .bio-properties-panel-group-header").ClickAsync();
        var dueDate = page.Locator("#bio-properties-panel-dueDate");
        await Expect(dueDate).ToHaveValueAsync("P7D");
        await dueDate.FillAsync("P3D");
        await page.WaitForFunctionAsync(
            "() => ncDesigner.modeler.get('elementRegistry').get('Task_Review').businessObject.get('camunda:dueDate') === 'P3D'");
        await BrowserTestServer.ScreenshotAsync(page, "designer");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布新版本" }).ClickAsync();

        var next = deployed.Version + 1;
        await Expect(page.Locator("#designer-status")).ToHaveTextAsync($"已发布 browser_review 版本 {next}。");
        await Expect(page.GetByLabel("版本")).ToHaveValueAsync(next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var xml = await api.GetStringAsync($"/api/definitions/browser_review/xml?version={next}");
        Assert.Contains("camunda:dueDate=\"P3D\"", xml);
        await BrowserTestServer.ScreenshotAsync(page, "designer-deployed");

        await page.GetByRole(AriaRole.Button, new() { Name = "发布新版本" }).ClickAsync();
        await Expect(page.Locator("#designer-status")).ToHaveTextAsync($"browser_review 没有变化，仍是版本 {next}。");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deploy_PinsTheServersErrorOnTheElementItNames()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/designer");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-designer", "ready");

        await page.Locator("#open-file").SetInputFilesAsync(new FilePayload
        {
            Name = "unsupported.bpmn",
            MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(Diagrams.WithUnsupportedElement("browser_unsupported")),
        });
        await Expect(page.Locator(".djs-element[data-element-id='Task_Rules']")).ToBeVisibleAsync();
        // bpmnlint in the designer already says so, with the engine's own words, before the round trip.
        await page.WaitForFunctionAsync(
            "() => (ncDesigner.modeler.get('linting')._issues.Task_Rules || []).some(i => i.rule === 'networkcenter/engine-subset')");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布新版本" }).ClickAsync();

        await Expect(page.Locator("#designer-status")).ToContainTextAsync("服务器拒绝发布");
        await Expect(page.Locator(".nc-error-badge[data-element-id='Task_Rules']")).ToBeVisibleAsync();
        await Expect(page.Locator(".djs-element.nc-server-error[data-element-id='Task_Rules']")).ToHaveCountAsync(1);
        var listed = page.Locator("#problems li[data-element-id='Task_Rules']");
        await Expect(listed).ToBeVisibleAsync();
        await listed.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".djs-element.selected[data-element-id='Task_Rules']")).ToHaveCountAsync(1);
        await BrowserTestServer.ScreenshotAsync(page, "designer-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Designer_FitsATablet()
    {
        var page = await app.SignedInPageAsync(width: 820, height: 1180);

        await page.GotoAsync("/designer");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-designer", "ready");

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        // Names the widest elements that stick out, so a failure says what to fix.
        var overflowing = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .map(e => ({ e, right: e.getBoundingClientRect().right }))
                .filter(x => x.right > 820).sort((a, b) => b.right - a.right).slice(0, 5)
                .map(x => `${x.e.tagName.toLowerCase()}#${x.e.id}.${[...x.e.classList].join('.')} ${Math.round(x.right)}px`).join(', ')
            """);
        Assert.True(width <= 820, $"the page is {width}px wide on an 820px screen: {overflowing}");
        await BrowserTestServer.ScreenshotAsync(page, "designer-tablet");
        await page.Context.CloseAsync();
    }

    private sealed record Deployed(string Id, string Key, int Version);
}
