using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class ServerMessagesFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Inbox_OnTheChinesePage_ShowsTheServersChineseFieldError_NextToTheField()
    {
        // The page reads forms from the form editor's folder, the engine from the procedures' folder: the same triage form in both.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "forms", "triage.form"), Path.Combine(app.FormsFolder, "triage.form"), overwrite: true);
        using var api = await app.ApiClientAsync();
        var clue = await api.PostAsJsonAsync("/api/clues", new
        {
            sourceKind = "walk-in",
            kind = "judgment-supervision",
            court = "县人民法院",
            caseNumber = "(2026)城民初字第6301号", // a number no other browser test searches for
            summary = "当事人认为二审判决适用法律错误。",
        });
        Assert.True(clue.IsSuccessStatusCode, await clue.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync();
        // The form in the browser checks what the server checks, so the request is changed on its way: the answer to
        // "是否属于本院管辖" is dropped, and the real server's refusal comes back to the page.
        await page.RouteAsync("**/api/tasks/*/complete", async route =>
        {
            var body = JsonNode.Parse(route.Request.PostData!)!.AsObject();
            body["variables"]!.AsObject().Remove("jurisdiction");
            await route.ContinueAsync(new RouteContinueOptions { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });

        await page.GotoAsync("/tasks");
        await page.GetByRole(AriaRole.Button, new() { Name = "线索分流 Triage" }).First.ClickAsync();
        await page.GetByText("属于本院管辖 Inside", new() { Exact = true }).ClickAsync();
        await ChooseAsync(page, "线索类别 Kind", "裁判结果监督 Judgment supervision");
        await ChooseAsync(page, "承办部门 Department", "民事检察 Civil");
        await page.GetByRole(AriaRole.Button, new() { Name = "完成任务" }).ClickAsync();

        await Expect(page.Locator(".fjs-form-field-radio .fjs-form-field-error")).ToHaveTextAsync("是否属于本院管辖为必填项。");
        await Expect(page.Locator("#task-detail [role=alert]")).ToContainTextAsync("服务器不接受提交的内容");
        await BrowserTestServer.ScreenshotAsync(page, "inbox-server-error-zh");
        await page.Context.CloseAsync();
    }

    /// <summary>form-js draws its own select: open the one labelled <paramref name="label"/>, then choose the option.</summary>
    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.Locator(".fjs-form-field-select").Filter(new() { HasText = label }).Locator(".fjs-input-group").ClickAsync();
        await page.Locator(".fjs-dropdownlist-item", new() { HasText = option }).ClickAsync();
    }
}
