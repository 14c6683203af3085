using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>The holiday table page: edited by supervisors and administrators, read by other staff.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HolidaysPageFacts(BrowserTestServer app)
{
    // A year no other test touches: the browser tests share one database.
    private const int Year = 2031;

    [Fact]
    public async Task Supervisor_AddsChangesAndRemovesDays_IncludingAMakeUpWorkingDay()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "节假日" }).ClickAsync();
        await page.GetByLabel("年份").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("年份").PressAsync("Enter");
        await Expect(page.Locator("#holidays-count")).ToHaveTextAsync($"{Year} 年共 0 天");

        await page.GetByLabel("日期", new() { Exact = true }).FillAsync($"{Year}-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#name-error")).ToContainTextAsync("请填写名称"); // the server answers the Chinese page in Chinese

        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("国庆");
        await page.GetByLabel("依据（通知）").FillAsync("国务院办公厅通知");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#holidays-status")).ToHaveTextAsync($"已保存 {Year}-10-01 国庆。");
        await page.GetByLabel("日期", new() { Exact = true }).FillAsync($"{Year}-09-28");
        await page.GetByLabel("类别").SelectOptionAsync("make-up-working-day");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("国庆节调休上班");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#holidays-count")).ToHaveTextAsync($"{Year} 年共 2 天");

        await page.GetByRole(AriaRole.Button, new() { Name = $"修改 {Year}-10-01" }).ClickAsync();
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("国庆节");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator($"tr[data-date='{Year}-10-01']")).ToContainTextAsync("国庆节");
        await Expect(page.Locator($"tr[data-date='{Year}-09-28']")).ToContainTextAsync("调休上班");
        await BrowserTestServer.ScreenshotAsync(page, "holidays");

        using var api = await app.ApiClientAsync();
        var days = await api.GetFromJsonAsync<JsonElement[]>($"/api/holidays?year={Year}");
        Assert.NotNull(days);
        Assert.Equal(2, days.Length);
        var national = days.Single(d => d.GetProperty("date").GetString() == $"{Year}-10-01");
        Assert.Equal(("day-off", "国庆节", "国务院办公厅通知"),
            (national.GetProperty("kind").GetString(), national.GetProperty("name").GetString(), national.GetProperty("source").GetString()));
        Assert.Equal("make-up-working-day", days.Single(d => d.GetProperty("date").GetString() == $"{Year}-09-28").GetProperty("kind").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = $"删除 {Year}-09-28" }).ClickAsync();
        await Expect(page.Locator("#holidays-count")).ToHaveTextAsync($"{Year} 年共 1 天");
        days = await api.GetFromJsonAsync<JsonElement[]>($"/api/holidays?year={Year}");
        Assert.Equal($"{Year}-10-01", Assert.Single(days!).GetProperty("date").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AProcurator_ReadsTheTable_WithoutTheEditingForm()
    {
        using var admin = await app.ApiClientAsync();
        var put = await admin.PutAsJsonAsync($"/api/holidays/{Year + 1}-01-01", new { kind = "day-off", name = "元旦" });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var username = $"holiday-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/network/staff", new
        {
            name = "周检察官", roles = new[] { "handling-procurator" }, username, password = "browser-test-password",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync(username, "browser-test-password");

        await page.GotoAsync($"/holidays?year={Year + 1}");

        await Expect(page.Locator($"tr[data-date='{Year + 1}-01-01']")).ToContainTextAsync("元旦");
        await Expect(page.Locator(".read-only")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
