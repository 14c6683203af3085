using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed partial class PosterFacts(BrowserTestServer app)
{
    [Fact]
    public async Task Poster_PrintsOnOnePage_AndDownloadsAsSvg()
    {
        using var api = await app.ApiClientAsync();
        var deploy = await api.PostAsync("/api/definitions", new StringContent(Diagrams.LongChain("browser_poster", 12), Encoding.UTF8, "application/xml"));
        Assert.True(deploy.IsSuccessStatusCode, await deploy.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/posters/browser_poster");

        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-poster", "ready");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Long chain");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载 SVG" }).ClickAsync());
        Assert.Equal("browser_poster.svg", download.SuggestedFilename);
        var svg = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("<svg", svg);
        Assert.Contains("任务 12", svg);
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserTestServer.ScreenshotFolder, "poster.pdf"), pdf);
        Assert.Single(PdfPage().Matches(Encoding.Latin1.GetString(pdf)));
        await BrowserTestServer.ScreenshotAsync(page, "poster");
        await page.Context.CloseAsync();
    }

    // Page objects of the PDF (not the /Pages tree).
    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
