using System.Globalization;
using System.Text.Encodings.Web;

namespace NetworkCenter.Web.Pages;

/// <summary>
/// The HTML every page starts from: the language, the page's bundle and stylesheet from wwwroot/dist, and a loading
/// line until the script renders the page (the text lives in the bundle, in both languages).
/// </summary>
internal sealed class PageShell(IWebHostEnvironment environment)
{
    // The pages load only what the service serves: no CDN, no inline script. Styles may be inline because bpmn-js
    // and form-js set element styles; data: URLs carry the embedded BPMN icon font.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public IResult Render(HttpContext http, string page)
    {
        var language = PageLanguage.Resolve(http);
        var version = Version($"dist/{page}.js");
        var loading = language == PageLanguage.English ? "Loading…" : "正在加载…";
        var noScript = language == PageLanguage.English ? "This page needs JavaScript." : "本页需要启用 JavaScript。";
        var encoder = HtmlEncoder.Default;
        var html = $"""
            <!doctype html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>NetworkCenter</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/dist/{encoder.Encode(page)}.css?v={version}">
            <script type="module" src="/dist/{encoder.Encode(page)}.js?v={version}"></script>
            </head>
            <body data-page="{encoder.Encode(page)}">
            <p role="status" class="page-loading">{loading}</p>
            <noscript><p>{noScript}</p></noscript>
            </body>
            </html>
            """;
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The bundle's modification time, so a rebuilt bundle is fetched again instead of read from the cache.</summary>
    private string Version(string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        return file.Exists ? file.LastModified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "0";
    }
}
