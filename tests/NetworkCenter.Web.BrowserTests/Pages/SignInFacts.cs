using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class SignInFacts(BrowserTestServer app)
{
    [Fact]
    public async Task SignIn_ShowsError_ForWrongPassword_ThenLandsOnHome()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2F$"));
        await Expect(page.GetByLabel("用户名")).ToBeFocusedAsync();
        await BrowserTestServer.ScreenshotAsync(page, "login");

        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("wrong");
        await page.GetByLabel("密码").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误。");
        await Expect(page.GetByLabel("密码")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserTestServer.ScreenshotAsync(page, "login-error");

        await page.GetByLabel("密码").FillAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BrowserTestServer.HomeUrl(), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("欢迎，admin");
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "流程设计器" })).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "home");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Designer_RedirectsToSignIn_AndBack_WhenNotSignedIn()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/designer");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Fdesigner$"));
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync("admin");
        await page.GetByLabel("密码").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer$"), new() { Timeout = 30_000 });
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-designer", "ready", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
