using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>The network page for the roles that may change it, and read-only for the others.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkEditingFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Administrator_CreatesChangesAndDeactivatesAnOffice_AndCreatesAStaffMember_WithFieldErrorsFirst()
    {
        var officeName = $"测试联络室{Guid.NewGuid():N}"[..14];
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/network");

        await page.GetByRole(AriaRole.Button, new() { Name = "新增联络室或联络点" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("依托单位类别").SelectOptionAsync("judicial-bureau");
        await dialog.GetByLabel("电话").FillAsync("not a phone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog.Locator("#name-error")).ToBeVisibleAsync();
        await Expect(dialog.Locator("#phone-error")).ToBeVisibleAsync();
        await Expect(dialog.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserTestServer.ScreenshotAsync(page, "network-edit-errors");

        await dialog.GetByLabel("名称 / 姓名").FillAsync(officeName);
        await dialog.GetByLabel("依托单位", new() { Exact = true }).FillAsync("青禾县司法局");
        await dialog.GetByLabel("电话").FillAsync("0571-88886666");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#network-status")).ToHaveTextAsync("已保存。");

        using var api = await app.ApiClientAsync();
        var office = await FindAsync(api, "offices", officeName);
        Assert.Equal("judicial-bureau", office.GetProperty("hostUnitKind").GetString());
        Assert.Equal("0571-88886666", office.GetProperty("phone").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = $"修改 {officeName}" }).ClickAsync();
        await dialog.GetByLabel("联系人").FillAsync("周主任");
        await dialog.GetByLabel("联系人").PressAsync("Enter");
        await Expect(page.Locator("#network-status")).ToHaveTextAsync("已保存。");
        await page.GetByRole(AriaRole.Button, new() { Name = $"停用 {officeName}" }).ClickAsync();
        await Expect(page.Locator("#network-status")).ToHaveTextAsync($"已停用 {officeName}。");
        office = await FindAsync(api, "offices", officeName);
        Assert.Equal("周主任", office.GetProperty("contactPerson").GetString());
        Assert.False(office.GetProperty("active").GetBoolean());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"恢复 {officeName}" })).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "network-edit");

        var username = $"staff-{Guid.NewGuid():N}"[..20];
        await page.GetByRole(AriaRole.Tab, new() { Name = "干警和角色" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新增干警" }).ClickAsync();
        await dialog.GetByLabel("名称 / 姓名").FillAsync("钱检察官");
        await dialog.GetByLabel("职务").FillAsync("检察官");
        await dialog.GetByLabel("承办检察官").CheckAsync();
        await dialog.GetByLabel("登录用户名").FillAsync(username);
        await dialog.GetByLabel("密码").FillAsync("short");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog.Locator("#password-error")).ToBeVisibleAsync();
        await dialog.GetByLabel("密码").FillAsync("a-long-enough-password");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#network-status")).ToHaveTextAsync("已保存。");

        var staff = await FindAsync(api, "staff", username);
        Assert.Equal(["handling-procurator"], staff.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("检察官", staff.GetProperty("title").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClerkChangesALiaison_AndTheLiaisonsDeclaredTiesStay()
    {
        using var api = await app.ApiClientAsync();
        var name = $"联络员{Guid.NewGuid():N}"[..12];
        var created = await api.PostAsJsonAsync("/api/network/liaisons", new
        {
            name, unit = "城关镇司法所", ties = new[] { new { kind = "lawyer", name = "某律师" } },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/network");
        await page.GetByRole(AriaRole.Tab, new() { Name = "联络员" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"修改 {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("单位", new() { Exact = true }).FillAsync("青禾镇司法所");
        await dialog.GetByLabel("论证").CheckAsync();
        await dialog.GetByLabel("专长（代码，用逗号分隔）").FillAsync("Not A Code");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog.Locator("#expertise-error")).ToBeVisibleAsync();
        await dialog.GetByLabel("专长（代码，用逗号分隔）").FillAsync("land, contracts");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#network-status")).ToHaveTextAsync("已保存。");

        var liaison = await FindAsync(api, "liaisons", name);
        Assert.Equal("青禾镇司法所", liaison.GetProperty("unit").GetString());
        Assert.Equal(["argumentation"], liaison.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["land", "contracts"], liaison.GetProperty("expertise").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("某律师", Assert.Single(liaison.GetProperty("ties").EnumerateArray()).GetProperty("name").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AProcurator_ReadsTheNetwork_WithoutWaysToChangeIt()
    {
        using var admin = await app.ApiClientAsync();
        var username = $"reader-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/network/staff", new
        {
            name = "孙检察官", roles = new[] { "handling-procurator" }, username, password = "browser-test-password",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync(username, "browser-test-password");
        await page.GotoAsync("/network");

        await Expect(page.Locator("#offices-panel .read-only")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "新增联络室或联络点" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改", Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task<JsonElement> FindAsync(HttpClient api, string list, string text)
    {
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/network/{list}?q={Uri.EscapeDataString(text)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        return found.GetProperty("items")[0];
    }
}
