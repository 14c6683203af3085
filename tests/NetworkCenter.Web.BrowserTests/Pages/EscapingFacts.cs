using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>
/// Hostile text stored in every field the pages show (clue summary, party names, office and liaison names, definition
/// and task names, form values, variables, file names) is shown literally on every page, and none of it runs: no dialog
/// opens and the global flag the payloads would set stays unset.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EscapingFacts(BrowserTestServer app)
{
    // Each vector sets the flag or opens a dialog if it ever reaches the DOM as markup or a template.
    private static string Payload(string tag) =>
        $"{tag}<script>window.__xss='{tag}'</script><img src=x onerror=window.__xss='{tag}'>\"'><svg onload=alert('{tag}')>{{{{constructor.constructor('alert(1)')()}}}}javascript:alert(1)";

    [Fact]
    public async Task HostileStoredText_IsShownLiterally_AndNeverRuns_OnEveryPage()
    {
        using var api = await app.ApiClientAsync();
        var key = "xss_" + Guid.NewGuid().ToString("N")[..8];
        await Ok(await api.PostAsync("/api/definitions",
            new StringContent(Diagrams.NamedDecisionProcess(key, Payload("P1"), Payload("T1")), Encoding.UTF8, "application/xml")));
        var office = await Ok(await api.PostAsJsonAsync("/api/network/offices", new
        {
            kind = "liaison-office", name = Payload("O1"), hostUnitKind = "other", hostUnit = Payload("U1"), contactPerson = Payload("C1"),
        }));
        var liaison = await Ok(await api.PostAsJsonAsync("/api/network/liaisons", new
        {
            name = Payload("L1"), unit = Payload("U2"), officeId = office.GetProperty("id").GetInt64(),
            account = new { username = key, password = LiaisonPassword },
        }));
        var clue = new
        {
            sourceKind = "walk-in", kind = "judgment-supervision", court = Payload("K1"), caseNumber = "(2026)城民初字第" + key + "号",
            summary = Payload("S1"), parties = new[] { new { role = "applicant", personKind = "natural", name = Payload("N1") } },
            liaisonId = liaison.GetProperty("id").GetInt64(), officeId = office.GetProperty("id").GetInt64(), registerAnyway = true,
        };
        using var multipart = new MultipartFormDataContent();
        multipart.Add(new StringContent(JsonSerializer.Serialize(clue), Encoding.UTF8, "application/json"), "clue");
        var file = new ByteArrayContent("证据"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        multipart.Add(file, "files", "<img src=x onerror=window.__xss='F1'>.txt");
        var registered = await Ok(await api.PostAsync("/api/clues", multipart));
        var clueId = registered.GetProperty("id").GetInt64();
        var started = await Ok(await api.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = key, variables = new { opinion = Payload("V1"), note = Payload("V2"), clueId },
        }));
        var instanceId = started.GetProperty("id").GetString();

        var page = await app.SignedInPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await Visit(page, "/tasks", "T1");
        var row = page.Locator("tr", new() { HasText = "T1<script>" });
        await row.GetByRole(AriaRole.Button).Filter(new() { HasText = "T1" }).First.ClickAsync();
        await Expect(page.GetByLabel("审查意见 / Review opinion")).ToHaveValueAsync(Payload("V1"));
        await Expect(page.Locator("#task-clue")).ToContainTextAsync(Payload("S1"));
        await Clean(page, dialogs, "inbox");

        await Visit(page, "/clues", "K1");
        await page.Locator($"tr[data-clue-id='{clueId}']").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#clue-record")).ToContainTextAsync(Payload("S1"));
        await Expect(page.Locator("#clue-record")).ToContainTextAsync(Payload("N1"));
        await Expect(page.Locator("#clue-record")).ToContainTextAsync("<img src=x onerror=window.__xss='F1'>.txt");
        await Clean(page, dialogs, "clues");

        await Visit(page, "/network", "O1");
        await Expect(page.Locator("body")).ToContainTextAsync(Payload("O1"));
        var liaisonsTab = page.GetByRole(AriaRole.Tab).Nth(1);
        await liaisonsTab.ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(Payload("L1"));
        await Clean(page, dialogs, "network");

        // Variables are shown as JSON, so the payload's double quote appears escaped.
        await page.GotoAsync($"/instances/{instanceId}");
        await Expect(page.Locator("body")).ToContainTextAsync(JsonSerializer.Serialize(Payload("V2"), Literal), new() { Timeout = 30_000 });
        await Expect(page.Locator("body")).ToContainTextAsync(Payload("T1"));
        await Clean(page, dialogs, "instance");

        await Visit(page, $"/posters/{key}", "P1");
        await Expect(page.Locator("body[data-poster=ready]")).ToHaveCountAsync(1);
        await Clean(page, dialogs, "poster");

        await page.GotoAsync($"/designer?key={key}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Clean(page, dialogs, "designer");
        await page.Context.CloseAsync();

        // The liaison's own view of the clue they gave.
        var portal = await app.NewPageAsync();
        portal.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await portal.GotoAsync("/login");
        await portal.Locator("#username").FillAsync(key);
        await portal.Locator("#password").FillAsync(LiaisonPassword);
        await portal.Locator("#password").PressAsync("Enter");
        await Expect(portal).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal$"), new() { Timeout = 30_000 });
        await portal.Locator("tr[data-clue-id]").First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(portal.Locator("#clue-detail")).ToContainTextAsync(Payload("S1"));
        await Expect(portal.Locator("#clue-detail")).ToContainTextAsync("<img src=x onerror=window.__xss='F1'>.txt");
        await Clean(portal, dialogs, "portal");
        await portal.Context.CloseAsync();
    }

    private const string LiaisonPassword = "liaison-escaping-password";

    private static readonly JsonSerializerOptions Literal = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task Visit(IPage page, string path, string tag)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("body")).ToContainTextAsync(Payload(tag), new() { Timeout = 30_000 });
    }

    private static async Task Clean(IPage page, List<string> dialogs, string where)
    {
        await BrowserTestServer.ScreenshotAsync(page, "escaping-" + where);
        Assert.Empty(dialogs);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator("img[src=x], svg[onload], script:not([src])").CountAsync());
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
