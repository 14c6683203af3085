using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class FormEditorFacts(BrowserTestServer app)
{
    [Fact]
    public async Task FormEditor_OpensAFormFile_AndSavesIt()
    {
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/forms");
        // Other tests add forms to the same folder; pick this one by name.
        await page.Locator("#form-list").GetByRole(AriaRole.Button, new() { Name = "review-decision.form" }).ClickAsync();

        await Expect(page.Locator("#current-form")).ToHaveTextAsync("review-decision.form");
        await Expect(page.Locator(".fjs-editor-container")).ToBeVisibleAsync();
        await Expect(page.Locator(".fjs-editor-container").GetByText("审查意见 / Review opinion").First).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "forms");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#forms-status")).ToHaveTextAsync("已保存 review-decision.form。");
        var saved = await File.ReadAllTextAsync(Path.Combine(app.FormsFolder, "review-decision.form"));
        Assert.Contains("审查意见 / Review opinion", saved);

        await page.GetByLabel("文件名").FillAsync("Bad Name.form");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.Locator("#forms-status")).ToContainTextAsync("文件名只能包含");
        await page.Context.CloseAsync();
    }
}
