using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class LanguageFacts(BrowserTestServer app)
{
    [Fact]
    public async Task SwitchingToEnglish_ChangesTheLabels_AndPersistsAcrossPages()
    {
        var page = await app.SignedInPageAsync();
        var nav = page.GetByRole(AriaRole.Navigation);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "流程设计器" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.GetByLabel("语言").SelectOptionAsync("en");

        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Procedure designer" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserTestServer.ScreenshotAsync(page, "home-en");
        await nav.GetByRole(AriaRole.Link, new() { Name = "Form editor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forms" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("en");

        await page.GetByLabel("Language").SelectOptionAsync("zh-CN");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "表单编辑器" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignInPage_FollowsTheLangParameter()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/login?lang=en");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "login-en");
        await page.Context.CloseAsync();
    }
}
