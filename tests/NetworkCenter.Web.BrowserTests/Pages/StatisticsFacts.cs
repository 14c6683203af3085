using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>
/// The browser tests share one database, so these clues are received in June 2025, a month no other test uses, and
/// the page is asked for that month.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsFacts(BrowserTestServer app)
{
    [Fact]
    public async Task StatisticsPage_DrawsEachChartWithItsTable_AndThePeriodAndKindFiltersChangeTheFigures()
    {
        using var api = await app.ApiClientAsync();
        for (var i = 0; i < 5; i++)
        {
            var publicInterest = i >= 3;
            var created = await api.PostAsJsonAsync("/api/clues", new
            {
                sourceKind = i == 0 ? "letter" : "walk-in",
                receivedAt = new DateTimeOffset(2025, 6, 10 + i, 10, 0, 0, TimeSpan.FromHours(8)),
                kind = publicInterest ? "public-interest" : "judgment-supervision",
                publicInterestArea = publicInterest ? "pollution" : null,
                court = "县人民法院",
                caseNumber = $"(2025)统民初字第{i + 1}号",
                summary = $"统计页面测试线索 {i + 1}：当事人认为判决有误。",
                registerAnyway = true,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        var page = await app.SignedInPageAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "统计分析", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("收到日期自", new() { Exact = true }).FillAsync("2025-06-01");
        await page.GetByLabel("至", new() { Exact = true }).FillAsync("2025-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "统计", Exact = true }).ClickAsync();

        await Expect(page.Locator("main")).ToHaveAttributeAsync("data-loaded", "from=2025-06-01&to=2025-06-30");
        await Expect(page.Locator("[data-figure=received] dd")).ToHaveTextAsync("5");
        var kinds = page.Locator("#stats-kind-table tbody tr");
        await Expect(kinds).ToHaveCountAsync(2);
        await Expect(kinds.Filter(new() { HasText = "裁判结果监督" }).Locator("td").First).ToHaveTextAsync("3");
        await Expect(kinds.Filter(new() { HasText = "公益及行政执法" }).Locator("td").First).ToHaveTextAsync("2");
        await Expect(page.Locator("#stats-source-table tbody tr").Filter(new() { HasText = "来信" }).Locator("td").First).ToHaveTextAsync("1");
        // Every chart is an image named by its section's heading, with its table beside it.
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "按线索类别" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "按线索类别" })).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "statistics");

        await page.GetByLabel("线索类别", new() { Exact = true }).SelectOptionAsync("public-interest");
        await page.GetByRole(AriaRole.Button, new() { Name = "统计", Exact = true }).ClickAsync();
        await Expect(page.Locator("main")).ToHaveAttributeAsync("data-loaded", "from=2025-06-01&to=2025-06-30&kind=public-interest");
        await Expect(page.Locator("[data-figure=received] dd")).ToHaveTextAsync("2");
        await Expect(kinds).ToHaveCountAsync(1);
        await Expect(page.Locator("#stats-fields-table tbody")).ToContainTextAsync("环境污染");

        // The table's export covers the same period (the last day included) and kind.
        var csv = page.Locator("#stats-kind").GetByRole(AriaRole.Link, new() { Name = "CSV" });
        await Expect(csv).ToHaveAttributeAsync("href", new Regex(@"^/api/statistics/kinds\.csv\?from=2025-06-01&to=2025-07-01&kind=public-interest$"));
        var export = await page.APIRequest.GetAsync((await csv.GetAttributeAsync("href"))!);
        Assert.Equal(200, export.Status);
        Assert.Contains("public-interest", await export.TextAsync(), StringComparison.Ordinal);
        await BrowserTestServer.ScreenshotAsync(page, "statistics-public-interest");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Liaison_SeesTheirOwnFiguresInThePortal()
    {
        using var admin = await app.ApiClientAsync();
        var username = $"stats-{Guid.NewGuid():N}"[..18];
        const string password = "liaison-statistics-password";
        var created = await admin.PostAsJsonAsync("/api/network/liaisons", new { name = "联络员 统计", unit = "县人大", account = new { username, password } });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var liaisonId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        for (var i = 0; i < 2; i++)
        {
            var clue = await admin.PostAsJsonAsync("/api/clues", new
            {
                sourceKind = "liaison",
                liaisonId,
                kind = "judgment-supervision",
                court = "县人民法院",
                caseNumber = $"(2026)联统字第{i + 1}号{Guid.NewGuid():N}"[..20],
                summary = "联络员报送的线索，用于本人统计。",
                registerAnyway = true,
            });
            Assert.True(clue.IsSuccessStatusCode, await clue.Content.ReadAsStringAsync());
        }
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByLabel("密码").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/portal$"), new() { Timeout = 30_000 });

        var figures = page.GetByRole(AriaRole.Region, new() { Name = "我的线索统计" });
        var march = figures.Locator("tr[data-month='2026-03']");
        await Expect(march).ToHaveCountAsync(1);
        await Expect(march.Locator("td").First).ToHaveTextAsync("2");
        await Expect(march.Locator("td").Nth(1)).ToHaveTextAsync("0");
        await BrowserTestServer.ScreenshotAsync(page, "portal-figures");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MonthlyReportReview_LinksToThePdf_AndApprovingItSendsTheReport()
    {
        using var api = await app.ApiClientAsync();
        var start = await api.PostAsJsonAsync("/api/instances", new { definitionKey = "monthly-report", variables = new { reportMonth = "2025-06" } });
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
        var instanceId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/tasks");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "审核月度报告 Review the monthly report" }) });
        await Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await row.GetByRole(AriaRole.Button, new() { Name = "审核月度报告 Review the monthly report" }).ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "打开报告 PDF Open the report (PDF)" });
        await Expect(link).ToHaveAttributeAsync("href", new Regex(@"^/api/monthly-reports/\d+/pdf$"));
        var pdf = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        await BrowserTestServer.ScreenshotAsync(page, "monthly-report-review");

        await page.GetByLabel("同意发送 Approve and send").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "完成任务" }).ClickAsync();
        await Expect(page.Locator("#inbox-status")).ToHaveTextAsync("任务“审核月度报告 Review the monthly report”已完成。");
        await NetworkCenter.Testing.Eventually.ReturnsAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}")).GetProperty("status").GetString() == "completed",
            "the monthly report sent", TimeSpan.FromSeconds(30));
        var sent = await api.GetFromJsonAsync<JsonElement>($"/api/instances/{instanceId}");
        Assert.True(sent.GetProperty("variables").GetProperty("reportsSent").GetInt32() >= 1);
        await page.Context.CloseAsync();
    }
}
