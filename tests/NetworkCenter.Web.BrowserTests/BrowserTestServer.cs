using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkCenter.Testing;

namespace NetworkCenter.Web.BrowserTests;

/// <summary>
/// The real service on a loopback Kestrel port (a browser cannot reach the in-memory test server) on its own database,
/// with a scratch forms folder, and one headless Debian chromium shared by the browser tests.
/// </summary>
// The class name seeds the database name; PostgresTestCluster needs one of 14 characters or more.
public sealed class BrowserTestServer : NetworkCenterApp
{
    // Flags from the machine notes: the machine's network is closed, and without these chromium keeps trying to reach
    // Google's services; --no-sandbox because the tests run as root.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserTestServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = "";

    public string FormsFolder { get; } = Path.Combine(Path.GetTempPath(), $"nc-browser-forms-{Guid.NewGuid():N}");

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(FormsFolder);
        // The engine judges completions by the same folder the form editor writes: start it with the procedures' forms.
        foreach (var form in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows", "forms"), "*.form"))
        {
            File.Copy(form, Path.Combine(FormsFolder, Path.GetFileName(form)));
        }
        await File.WriteAllTextAsync(Path.Combine(FormsFolder, "review-decision.form"), SampleForm);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(FormsFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:FormsDirectory", FormsFolder);
    }

    /// <summary>A fresh browser context (own cookies and storage) at laptop size, in Chinese unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            // The procuratorate's time zone, so dates read as its staff see them.
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        // Two shared cores: the first load of the designer bundle can take a while when the machine is busy.
        context.SetDefaultNavigationTimeout(45_000);
        var page = await context.NewPageAsync();
        // The browser's own complaints (script errors, refused resources) end up beside the screenshots.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                LogBrowserMessage($"{message.Type} {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => LogBrowserMessage($"page error {page.Url}: {error}");
        page.RequestFailed += (_, request) => LogBrowserMessage($"request failed {request.Method} {request.Url}: {request.Failure}");
        page.RequestFinished += (_, request) =>
        {
            if (request.Timing.ResponseEnd > 3000)
            {
                LogBrowserMessage($"slow request {request.Method} {request.Url}: {request.Timing.ResponseEnd:F0} ms");
            }
        };
        return page;
    }

    /// <summary>
    /// An HTTP client signed in as admin, talking to the Kestrel port (the factory's own clients would address the
    /// in-memory server's http://localhost).
    /// </summary>
    public async Task<HttpClient> ApiClientAsync(string username = "admin", string password = "admin")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A page already signed in as <paramref name="username"/>, through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string username = "admin", string password = "admin", int width = 1366, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/login");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#password").PressAsync("Enter");
        // Polled, not WaitForURL: a navigation that commits between WaitForURL's URL check and its subscription to
        // navigation events is never seen (it happened on this busy machine).
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("header.topbar nav")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>The home page's URL, whatever the port.</summary>
    public static System.Text.RegularExpressions.Regex HomeUrl() => new("^http://127\\.0\\.0\\.1:\\d+/$");

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/{name}.png beside the test assembly.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    private static readonly Lock LogLock = new();

    private static void LogBrowserMessage(string line)
    {
        lock (LogLock)
        {
            File.AppendAllText(Path.Combine(ScreenshotFolder, "..", "browser-console.log"), line + Environment.NewLine);
        }
    }

    private const string SampleForm = """
        {
          "type": "default",
          "id": "review-decision",
          "components": [
            { "type": "textfield", "key": "opinion", "label": "审查意见 / Review opinion", "validate": { "required": true } },
            { "type": "select", "key": "decision", "label": "决定 / Decision",
              "values": [ { "label": "立案 / File", "value": "file" }, { "label": "不立案 / Do not file", "value": "reject" } ] }
          ]
        }
        """;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserTestServer>
{
    public const string Name = "browser";
}
