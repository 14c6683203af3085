using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>The clue administrator's registration form and duplicate-merge screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClueRegistrationFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Clerk_RegistersAClue_SeesServerErrorsOnTheirFields_ThenADuplicate_AndMergesIt()
    {
        var caseNumber = $"(2026)青民初{Random.Shared.Next(10_000, 99_999)}号";
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/clues");
        await page.Locator("#register-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记线索" })).ToBeVisibleAsync();

        // Nothing filled: the server's errors land on the fields they name, including a party's ID number.
        await page.GetByLabel("来源方式").SelectOptionAsync("walk-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加当事人" }).ClickAsync();
        await page.Locator("#parties-0-name").FillAsync("张三");
        await page.Locator("#parties-0-idNumber").FillAsync("110105194912310021");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.Locator("#summary-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#court-error")).ToContainTextAsync("裁判结果监督（judgment-supervision）线索必填");
        await Expect(page.Locator("#parties-0-idNumber-error")).ToContainTextAsync("居民身份证号码");
        await Expect(page.Locator("#parties-0-idNumber")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserTestServer.ScreenshotAsync(page, "clue-register-errors");

        await page.Locator("#parties-0-idNumber").FillAsync("11010519491231002X");
        await page.GetByLabel("审理法院").FillAsync("青禾县人民法院");
        await page.GetByLabel("案号").FillAsync(caseNumber);
        await page.GetByLabel("审判人员").FillAsync("李法官");
        await page.GetByLabel("涉案金额（元）").FillAsync("12000.50");
        await page.GetByLabel("线索内容").FillAsync("判决认定事实不清，当事人来访反映。");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加代理人" }).ClickAsync();
        await page.Locator("#agents-0-name").FillAsync("王律师");
        await page.GetByLabel("举报人姓名").FillAsync("赵四");
        await page.Locator("#attachments").SetInputFilesAsync(new FilePayload { Name = "判决书.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("判决书全文") });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.Locator("#register-status")).ToContainTextAsync("已登记");

        using var api = await app.ApiClientAsync();
        var first = await FindAsync(api, caseNumber);
        Assert.Equal("walk-in", first.GetProperty("sourceKind").GetString());
        Assert.Equal("李法官", first.GetProperty("judge").GetString());
        Assert.Equal(12000.50m, first.GetProperty("amountInvolved").GetDecimal());
        Assert.Equal("11010519491231002X", first.GetProperty("parties")[0].GetProperty("idNumber").GetString());
        Assert.Equal("王律师", first.GetProperty("agents")[0].GetProperty("name").GetString());
        Assert.Equal("赵四", first.GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal("判决书.txt", first.GetProperty("attachments")[0].GetProperty("fileName").GetString());

        // The same court and case number again: the candidates come first, and nothing is registered until asked.
        await page.GetByLabel("来源方式").SelectOptionAsync("letter");
        await page.GetByLabel("审理法院").FillAsync("青禾县人民法院");
        await page.GetByLabel("案号").FillAsync(caseNumber);
        await page.GetByLabel("线索内容").FillAsync("来信反映同一判决。");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        var candidates = page.Locator("#duplicates");
        await Expect(candidates.Locator($"tr[data-candidate-id='{first.GetProperty("id").GetInt64()}']")).ToContainTextAsync("法院和案号相同");
        Assert.Equal(1, (await SearchAsync(api, caseNumber)).GetProperty("total").GetInt32());
        await BrowserTestServer.ScreenshotAsync(page, "clue-register-duplicates");
        await page.GetByRole(AriaRole.Button, new() { Name = "仍然登记" }).ClickAsync();
        await Expect(page.Locator("#register-status")).ToContainTextAsync("已登记");

        await page.GetByRole(AriaRole.Link, new() { Name = "查重" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "合并重复线索" })).ToBeVisibleAsync();
        var firstNumber = first.GetProperty("registerNumber").GetString()!;
        // The clue registered first stays unless the clerk chooses otherwise.
        await Expect(page.GetByLabel($"保留 {firstNumber}")).ToBeCheckedAsync();
        await BrowserTestServer.ScreenshotAsync(page, "clue-merge");
        await page.GetByRole(AriaRole.Button, new() { Name = "合并", Exact = true }).ClickAsync();
        await Expect(page.Locator("#merge-status")).ToContainTextAsync($"已将 1 条线索并入 {firstNumber}");

        var survivor = await GetAsync(api, first.GetProperty("id").GetInt64());
        Assert.Equal(2, survivor.GetProperty("sources").GetArrayLength());
        var page2 = await SearchAsync(api, caseNumber);
        Assert.Contains(page2.GetProperty("items").EnumerateArray(), c => c.GetProperty("status").GetString() == "merged");

        await page.Locator("#merged-survivor").ClickAsync();
        await Expect(page.Locator("#clue-record")).ToContainTextAsync(firstNumber);
        await Expect(page.Locator("#clue-record")).ToContainTextAsync("判决书.txt");
        await page.Context.CloseAsync();
    }

    private static async Task<JsonElement> SearchAsync(HttpClient api, string caseNumber) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/clues?q={Uri.EscapeDataString(caseNumber)}&pageSize=50");

    private static async Task<JsonElement> FindAsync(HttpClient api, string caseNumber)
    {
        var found = await SearchAsync(api, caseNumber);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        return await GetAsync(api, found.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, long id) =>
        await api.GetFromJsonAsync<JsonElement>($"/api/clues/{id}");
}
