using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class NetworkFacts(BrowserTestServer app)
{
    [Fact]
    public async Task NetworkPage_ListsStaffWithTheirRoles_InTabs()
    {
        var page = await app.SignedInPageAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "联络网络" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "联络室和联络点" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByRole(AriaRole.Tab, new() { Name = "干警和角色" }).ClickAsync();

        var staff = page.GetByRole(AriaRole.Tabpanel);
        await Expect(staff.Locator("tr", new() { HasText = "系统管理员" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#offices-panel")).ToBeHiddenAsync();
        await BrowserTestServer.ScreenshotAsync(page, "network");
        await page.Context.CloseAsync();
    }
}
