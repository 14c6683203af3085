using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using NetworkCenter.Supervision.Accounts;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>The clue administrator corrects a clue on its page; the server's refusals land on their fields.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClueCorrectionFacts(BrowserTestServer app)
{
    [Fact]
    public async Task CluePage_CorrectsAPartyKindAndProcurator_ShowsFieldErrors_AndRefusesAStaleSave()
    {
        using var api = await app.ApiClientAsync();
        var (administrator, password) = await StaffAsync(api, "corrector", Roles.ClueAdministrator, "zh-CN");
        var procurator = $"承办人{Random.Shared.Next(1000, 9999)}";
        await StaffAsync(api, "procurator", Roles.HandlingProcurator, "zh-CN", procurator);
        var clueId = await RegisterAsync(api, "钱某伟");

        var page = await app.SignedInPageAsync(administrator, password);
        await page.GotoAsync($"/clues/{clueId}");
        var correct = page.Locator("#correct");
        await correct.GetByText("更正登记信息").ClickAsync();
        await correct.GetByLabel("当事人 1 · 当事人姓名或名称").FillAsync("钱某炜");
        await correct.GetByLabel("线索类别").SelectOptionAsync("public-interest");
        await correct.GetByLabel("承办检察官").SelectOptionAsync(new SelectOptionValue { Label = procurator });
        await BrowserTestServer.ScreenshotAsync(page, "clue-correction-form");
        await correct.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();

        // A public-interest clue needs its area: the server says so beside the field, and nothing is saved.
        await Expect(correct.Locator("#correct-publicInterestArea-error")).ToContainTextAsync("公益诉讼（public-interest）线索必填"); // a zh-CN administrator hears Chinese
        await Expect(correct.GetByLabel("公益领域")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("judgment-supervision", (await ClueAsync(api, clueId)).GetProperty("kind").GetString());

        await correct.GetByLabel("公益领域").SelectOptionAsync("pollution");
        await correct.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();

        await Expect(page.Locator("#clue-status")).ToHaveTextAsync("更正已保存。");
        var facts = page.GetByRole(AriaRole.Region, new() { Name = "登记信息" });
        await Expect(facts).ToContainTextAsync("钱某炜");
        await Expect(facts).ToContainTextAsync("环境污染");
        await Expect(page.Locator("#contact-procurator")).ToHaveTextAsync(procurator);
        await BrowserTestServer.ScreenshotAsync(page, "clue-corrected");

        // Someone else corrects the clue meanwhile: this page's save is refused, not silently overwritten.
        using (var other = new HttpRequestMessage(HttpMethod.Patch, $"/api/clues/{clueId}")
               { Content = new StringContent("""{ "judge": "另一位审判员" }""", Encoding.UTF8, "application/json") })
        {
            (await api.SendAsync(other)).EnsureSuccessStatusCode();
        }
        await page.Locator("#correct summary").ClickAsync();
        await page.Locator("#correct").GetByLabel("审判人员").FillAsync("本页的审判员");
        await page.Locator("#correct").GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();
        await Expect(page.Locator("#correct-status")).ToContainTextAsync("未保存：线索在您读取后已被修改");
        Assert.Equal("另一位审判员", (await ClueAsync(api, clueId)).GetProperty("judge").GetString());
    }

    [Fact]
    public async Task CluePage_InEnglish_CorrectsTheJudge()
    {
        using var api = await app.ApiClientAsync();
        var (administrator, password) = await StaffAsync(api, "corrector-en", Roles.ClueAdministrator, "en");
        var clueId = await RegisterAsync(api, "孙某");

        var page = await app.SignedInPageAsync(administrator, password);
        await page.GotoAsync($"/clues/{clueId}?lang=en");
        var correct = page.Locator("#correct");
        await correct.GetByText("Correct the register entry").ClickAsync();
        await correct.GetByLabel("Judge").FillAsync("Judge Wang");
        await correct.GetByRole(AriaRole.Button, new() { Name = "Save corrections" }).ClickAsync();

        await Expect(page.Locator("#clue-status")).ToHaveTextAsync("Corrections saved.");
        Assert.Equal("Judge Wang", (await ClueAsync(api, clueId)).GetProperty("judge").GetString());
    }

    [Fact]
    public async Task CluePage_ListsTheDuplicateACorrectedPartyMatches_AndSavesAnyway()
    {
        using var api = await app.ApiClientAsync();
        var (administrator, password) = await StaffAsync(api, "dedup", Roles.ClueAdministrator, "zh-CN");
        var party = $"吴某{Random.Shared.Next(10_000, 99_999)}";
        var existingId = await RegisterAsync(api, party);
        var existingNumber = (await ClueAsync(api, existingId)).GetProperty("registerNumber").GetString()!;
        var clueId = await RegisterAsync(api, $"郑某{Random.Shared.Next(10_000, 99_999)}");

        var page = await app.SignedInPageAsync(administrator, password);
        await page.GotoAsync($"/clues/{clueId}");
        var correct = page.Locator("#correct");
        await correct.GetByText("更正登记信息").ClickAsync();
        await correct.GetByLabel("当事人 1 · 当事人姓名或名称").FillAsync(party);
        await correct.GetByRole(AriaRole.Button, new() { Name = "保存更正" }).ClickAsync();

        await Expect(page.Locator("#correct-status")).ToContainTextAsync("发现 1 条可能重复的线索，更正尚未保存。");
        var duplicates = page.Locator("#correct-duplicates");
        await Expect(duplicates.Locator($"tr[data-candidate-id='{existingId}']")).ToContainTextAsync(existingNumber);
        await Expect(duplicates).ToContainTextAsync("同一法院的当事人相同");
        await BrowserTestServer.ScreenshotAsync(page, "clue-correction-duplicates");
        Assert.NotEqual(party, (await ClueAsync(api, clueId)).GetProperty("parties")[0].GetProperty("name").GetString());

        await duplicates.GetByRole(AriaRole.Button, new() { Name = "仍然保存" }).ClickAsync();

        await Expect(page.Locator("#clue-status")).ToHaveTextAsync("更正已保存。");
        Assert.Equal(party, (await ClueAsync(api, clueId)).GetProperty("parties")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task CluePage_OffersNoCorrection_ToAHandlingProcurator()
    {
        using var api = await app.ApiClientAsync();
        var (username, password) = await StaffAsync(api, "reader", Roles.HandlingProcurator, "zh-CN");
        var clueId = await RegisterAsync(api, "周某");

        var page = await app.SignedInPageAsync(username, password);
        await page.GotoAsync($"/clues/{clueId}");

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "登记信息" })).ToContainTextAsync("周某");
        await Expect(page.Locator("#correct")).ToHaveCountAsync(0);
    }

    private static async Task<(string Username, string Password)> StaffAsync(HttpClient api, string prefix, string role, string language, string? name = null)
    {
        var username = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var password = $"pw-{username}-secret";
        var created = await api.PostAsJsonAsync("/api/network/staff", new
        {
            name = name ?? $"干警{Random.Shared.Next(1000, 9999)}", roles = new[] { role }, username, password, language,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (username, password);
    }

    private static async Task<long> RegisterAsync(HttpClient api, string party)
    {
        var registered = await api.PostAsJsonAsync("/api/clues", new
        {
            sourceKind = "walk-in", kind = "judgment-supervision", court = "县人民法院",
            caseNumber = $"(2026)城民初{Random.Shared.Next(10_000, 99_999)}号", summary = "当事人认为判决认定事实错误。",
            parties = new[] { new { role = "applicant", personKind = "natural", name = party } },
        });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> ClueAsync(HttpClient api, long id) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/clues/{id}");
}
