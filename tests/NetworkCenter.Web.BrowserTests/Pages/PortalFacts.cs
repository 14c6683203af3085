using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class PortalFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Liaison_SubmitsAClueWithAnAttachment_AndTheRegisterPageShowsIt()
    {
        using var admin = await app.ApiClientAsync();
        var username = $"liaison-{Guid.NewGuid():N}"[..20];
        const string password = "liaison-browser-password";
        var created = await admin.PostAsJsonAsync("/api/network/liaisons", new
        {
            name = "联络员 王",
            unit = "城关镇司法所",
            account = new { username, password },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByLabel("密码").PressAsync("Enter");

        // A liaison's home is the portal, and the portal is all their navigation offers.
        await Expect(page).ToHaveURLAsync(new Regex("/portal$"), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link)).ToHaveTextAsync(["我的线索"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await Expect(page.Locator("#summary-error")).ToBeVisibleAsync();
        await page.GetByLabel("线索类别").SelectOptionAsync("public-interest");
        await page.GetByLabel("公益领域").SelectOptionAsync("pollution");
        await page.GetByLabel("审理法院").FillAsync("县人民法院");
        await page.GetByLabel("案号").FillAsync("(2026)城民初字第88号");
        await page.GetByLabel("线索内容").FillAsync("某造纸厂长期向河道排放污水，村民多次反映未果。");
        await page.GetByLabel("附件").SetInputFilesAsync(new FilePayload { Name = "现场照片说明.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("照片三张") });
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();

        await Expect(page.Locator("#portal-status")).ToContainTextAsync("线索已报送");
        var row = page.Locator("tr[data-clue-id]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("公益及行政执法");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#clue-detail")).ToContainTextAsync("现场照片说明.txt");
        await BrowserTestServer.ScreenshotAsync(page, "portal");
        await page.Context.CloseAsync();

        var staff = await app.SignedInPageAsync();
        await staff.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "线索登记簿" }).ClickAsync();
        await staff.GetByLabel("搜索").FillAsync("城民初字第88号");
        await staff.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(staff.Locator("#clue-count")).ToHaveTextAsync("共 1 条线索");
        await staff.Locator("tr[data-clue-id]").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(staff.Locator("#clue-record")).ToContainTextAsync("某造纸厂长期向河道排放污水");
        await Expect(staff.Locator("#clue-record")).Not.ToContainTextAsync("null");
        await Expect(staff.Locator("#clue-record").GetByRole(AriaRole.Link, new() { Name = "现场照片说明.txt" })).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(staff, "clues");
        await staff.Context.CloseAsync();
    }
}
