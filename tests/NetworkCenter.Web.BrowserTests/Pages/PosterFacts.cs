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

    [Fact]
    public async Task Poster_DownloadsTheServersOnePagePdf_InA4AndA3()
    {
        using var api = await app.ApiClientAsync();
        var deploy = await api.PostAsync("/api/definitions", new StringContent(Diagrams.ReviewProcess("browser_poster_pdf"), Encoding.UTF8, "application/xml"));
        Assert.True(deploy.IsSuccessStatusCode, await deploy.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/posters/browser_poster_pdf");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-poster", "ready");

        foreach (var (paper, width) in new[] { ("A4", "842"), ("A3", "1191") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"PDF（{paper}）" }).ClickAsync());
            Assert.Equal("browser_poster_pdf-v1.pdf", download.SuggestedFilename);
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            await File.WriteAllBytesAsync(Path.Combine(BrowserTestServer.ScreenshotFolder, $"poster-server-{paper}.pdf"), pdf);
            var text = Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF", text);
            Assert.Single(PdfPage().Matches(text));
            // Landscape: the media box is as wide as the paper is long.
            Assert.Matches($@"/MediaBox\s*\[\s*0\s+0\s+{width}\s", text);
        }
        // A real procedure's poster beside the screenshots, for a person to look at.
        await File.WriteAllBytesAsync(Path.Combine(BrowserTestServer.ScreenshotFolder, "poster-server-argumentation-meeting.pdf"),
            await api.GetByteArrayAsync("/api/definitions/argumentation-meeting/poster.pdf"));
        await page.Context.CloseAsync();
    }

    // Page objects of the PDF (not the /Pages tree).
    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
