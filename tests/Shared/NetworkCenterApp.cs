using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace NetworkCenter.Testing;

/// <summary>
/// The real web host (Program) on a fresh database of the run's cluster, with Hangfire's server, the SMTP sink and,
/// unless a subclass says otherwise, the manual clock. Use as a class fixture: one database per test class.
/// </summary>
public class NetworkCenterApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Where the manual clock starts; a Monday in 2026 keeps dates in tests easy to reason about.</summary>
    protected virtual DateTimeOffset ClockStart => new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected virtual bool UseManualClock => true;

    public virtual async Task InitializeAsync() => _connectionString = await CreateDatabaseAsync();

    /// <summary>The fixture's database: a fresh one in the run's shared cluster unless a subclass brings its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresTestCluster.CreateDatabaseAsync(GetType().Name);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // A small pool that lets idle connections go, so the many hosts of a test run fit the cluster's connection limit.
        builder.UseSetting("ConnectionStrings:NetworkCenter", ConnectionString + ";Maximum Pool Size=20;Connection Idle Lifetime=15");
        builder.UseSetting("Hangfire:WorkerCount", "4");
        builder.UseSetting("Hangfire:SchedulePollingInterval", "00:00:00.200");
        builder.UseSetting("Hangfire:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Tests start from an empty network; a test that wants the demo network asks for it (see DemoNetworkApp).
        builder.UseSetting("Seed:Demo", "false");
        if (UseManualClock)
        {
            builder.UseSetting("Clock:Mode", "Manual");
            builder.UseSetting("Clock:Start", ClockStart.ToString("O"));
        }
    }

    /// <summary>
    /// A client signed in as <paramref name="username"/>; it keeps its session cookie. <paramref name="timeout"/> replaces
    /// HttpClient's 100 s for a burst that queues on purpose.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string username = "admin", string password = "admin", TimeSpan? timeout = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (timeout is { } limit)
        {
            client.Timeout = limit;
        }
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Opens a connection to this fixture's database, for asserting what was stored.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
