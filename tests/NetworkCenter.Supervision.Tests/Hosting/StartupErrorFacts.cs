using System.Diagnostics;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>The service as a real process: a database it cannot use stops it with one line naming host and port.</summary>
public sealed class StartupErrorFacts
{
    [Fact]
    public async Task Start_FailsWithOneClearLine_WhenPostgreSqlIsUnreachable()
    {
        var (exitCode, output) = await RunServiceAsync("Host=127.0.0.1;Port=1;Database=nc;Username=nc;Timeout=3");

        Assert.Equal(1, exitCode);
        Assert.Contains("PostgreSQL at 127.0.0.1:1 (database nc, user nc) cannot be reached", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Start_FailsWithOneClearLine_WhenConnectionStringIsMalformed()
    {
        var (exitCode, output) = await RunServiceAsync("Hots=nowhere;Prot=5");

        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:NetworkCenter is not a valid PostgreSQL connection string", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Start_RefusesManualClock_InProduction()
    {
        var (exitCode, output) = await RunServiceAsync("Host=127.0.0.1;Port=1;Database=nc;Username=nc", "Production", ("Clock__Mode", "Manual"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Clock:Mode=Manual is refused in Production", output);
        Assert.DoesNotContain("   at ", output);
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(
        string connectionString, string environment = "Development", params (string Name, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NetworkCenter.Web.dll"));
        start.Environment["ConnectionStrings__NetworkCenter"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
