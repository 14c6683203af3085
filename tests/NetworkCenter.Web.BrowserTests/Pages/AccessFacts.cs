using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>Pages by role and the account's own language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessFacts(BrowserTestServer app)
{
    [Fact]
    public async Task AccountLanguage_ChoosesThePagesLanguage_AndARoleWithoutTheDesigner_IsSentHome()
    {
        var (username, password) = await CreateStaffAsync("handling-procurator", "en");
        var page = await app.SignedInPageAsync(username, password);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Task inbox" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Procedure designer" })).ToHaveCountAsync(0);

        await page.GotoAsync("/designer");

        await Expect(page).ToHaveURLAsync(new Regex("/\\?ReturnUrl=%2Fdesigner$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your role does not allow /designer.");
        await BrowserTestServer.ScreenshotAsync(page, "home-denied-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_SaysTheAccountIsLocked_AfterTooManyWrongPasswords()
    {
        var (username, password) = await CreateStaffAsync("clue-administrator", "zh-CN");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(username);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.GetByLabel("密码").FillAsync($"wrong-{attempt}");
            await page.GetByLabel("密码").PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeEnabledAsync();
        }
        // Only the right password learns of the lock; wrong ones answer like an unknown user.
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByLabel("密码").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("登录失败次数过多，账号已暂时锁定，请稍后再试。");
        await page.Context.CloseAsync();
    }

    private async Task<(string Username, string Password)> CreateStaffAsync(string role, string language)
    {
        using var admin = await app.ApiClientAsync();
        var username = $"{role}-{Guid.NewGuid():N}"[..30];
        var password = "browser-test-password";
        var response = await admin.PostAsJsonAsync("/api/network/staff", new
        {
            name = $"干警 {username}",
            language,
            roles = new[] { role },
            username,
            password,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (username, password);
    }
}
