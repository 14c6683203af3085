using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>A clue's own page: contact card, deadlines, procedures and outcomes beside the register facts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CluePageFacts(BrowserTestServer app)
{
    [Fact]
    public async Task CluePage_ShowsContactCard_ColouredDeadline_ProcedureLink_AndRecordsAnOutcome()
    {
        using var api = await app.ApiClientAsync();
        var username = $"cluepage-{Guid.NewGuid():N}"[..20];
        var password = $"pw-{username}-secret";
        var name = $"承办人{Random.Shared.Next(1000, 9999)}";
        var created = await api.PostAsJsonAsync("/api/network/staff", new
        {
            name, phone = "0311-5550199", roles = new[] { Roles.HandlingProcurator }, username, password,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var caseNumber = $"(2026)城民初{Random.Shared.Next(10_000, 99_999)}号";
        var registered = await api.PostAsJsonAsync("/api/clues", new
        {
            sourceKind = "walk-in", kind = "judgment-supervision", court = "县人民法院", caseNumber,
            summary = "当事人认为二审判决适用法律错误。",
        });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var clueId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await CompleteAsync(api, clueId, "Triage", new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        await CompleteAsync(api, clueId, "AssignProcurator", new { procurator = username });
        await TaskAsync(api, clueId, "ContactLiaison");

        var page = await app.SignedInPageAsync(username, password);
        await page.GotoAsync("/clues");
        await page.GetByLabel("搜索").FillAsync(caseNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        // The register shows other clues until the search answers: wait for this clue's own row.
        await page.Locator($"tr[data-clue-id='{clueId}']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/clues/{clueId}$"));

        var card = page.GetByRole(AriaRole.Region, new() { Name = "联络卡" });
        await Expect(card.Locator("#contact-procurator")).ToHaveTextAsync(name);
        await Expect(card.Locator("#contact-phone")).ToHaveTextAsync("0311-5550199");
        await Expect(card.Locator("#contact-stage")).ToHaveTextAsync("已分配承办检察官");

        // Due in two days on the server's clock: on time, in the inbox's green.
        var deadline = page.Locator("#deadlines tr", new() { HasText = "联系线索提供人 Contact the liaison" });
        await Expect(deadline).ToHaveAttributeAsync("data-urgency", "onTime");
        await Expect(deadline.Locator(".badge")).ToHaveTextAsync("期限内");
        await Expect(deadline.Locator(".badge")).ToHaveCSSAsync("background-color", "rgb(218, 251, 225)");
        await BrowserTestServer.ScreenshotAsync(page, "clue-page");

        var procedures = page.GetByRole(AriaRole.Region, new() { Name = "所在流程" });
        await Expect(procedures.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await procedures.GetByRole(AriaRole.Link, new() { Name = "快速反应 Rapid response" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/instances/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "流程实例", Exact = false }).First).ToBeVisibleAsync();
        await page.GoBackAsync();

        // A negative amount is refused by the server, and the error lands on its field.
        var form = page.Locator("#outcome-form");
        await form.GetByLabel("成效类型").SelectOptionAsync("suggestion-adopted");
        await form.GetByLabel("挽回金额（元）").FillAsync("-5");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记办理成效" }).ClickAsync();
        await Expect(form.Locator("#amountRecovered-error")).ToContainTextAsync("不能为负数"); // in the page's language
        await Expect(form.GetByLabel("挽回金额（元）")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#outcome-list")).ToHaveTextAsync("尚未登记办理成效。");

        await form.GetByLabel("挽回金额（元）").FillAsync("12000.50");
        await form.GetByLabel("说明").FillAsync("法院采纳再审检察建议。");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记办理成效" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("办理成效已登记。");
        var outcome = page.Locator("#outcome-list tbody tr");
        await Expect(outcome).ToHaveCountAsync(1);
        await Expect(outcome).ToContainTextAsync("检察建议被采纳");
        await Expect(outcome).ToContainTextAsync("12,000.50");
        await Expect(outcome).ToContainTextAsync(username);
        await BrowserTestServer.ScreenshotAsync(page, "clue-page-outcome");
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}/outcomes");
        Assert.Equal(12000.50m, Assert.Single(stored.EnumerateArray()).GetProperty("amountRecovered").GetDecimal());
        await page.Context.CloseAsync();
    }

    private static async Task<JsonElement> TaskAsync(HttpClient api, long clueId, string elementId) =>
        (await Eventually.ReturnsAsync<JsonElement?>(async () =>
        {
            var view = await api.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}/procedures");
            return view.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("elementId").GetString() == elementId)
                .Select(t => (JsonElement?)t).FirstOrDefault();
        }, $"an open task {elementId} for clue {clueId}", TimeSpan.FromSeconds(30)))!.Value;

    private static async Task CompleteAsync(HttpClient api, long clueId, string elementId, object variables)
    {
        var task = await TaskAsync(api, clueId, elementId);
        var response = await api.PostAsJsonAsync($"/api/tasks/{task.GetProperty("id").GetGuid()}/complete", new { variables });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
