using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetworkCenter.FaultHarness;

/// <summary>
/// The real service as a separate process (its own Kestrel, Hangfire server and connection pool) in Production mode,
/// as tests/NetworkCenter.Benchmarks starts it; here it can also be killed with SIGKILL and started again on the same
/// port, so clients keep their address across the crash. Its output goes to a log file for the post-mortem.
/// </summary>
internal sealed class ServiceProcess(string name, string connectionString, IReadOnlyDictionary<string, string> settings, string logFile)
    : IAsyncDisposable
{
    public const string Password = "harness-password";

    private readonly int _port = FreePort();
    private Process? _process;

    public string Name { get; } = name;

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public int Starts { get; private set; }

    public async Task StartAsync(TimeSpan timeout)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "NetworkCenter.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(webDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["ConnectionStrings__NetworkCenter"] = connectionString;
        start.Environment["NC_ADMIN_PASSWORD"] = Password;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        _process = process;
        Starts++;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"==== {Name} start {Starts} pid {process.Id} at {DateTimeOffset.UtcNow:O}");
        _ = CopyAsync(process.StandardOutput, log);
        _ = CopyAsync(process.StandardError, log);
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} during start-up; see {logFile}");
            }
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not become healthy within {timeout}");
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown hook, no flush, no goodbye.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private static async Task CopyAsync(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
