using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Supervision.Tests.Accounts;

/// <summary>A second service host on the first one's database, as a second service process runs in production.</summary>
public sealed class SecondAccountsHost(NetworkCenterApp first) : NetworkCenterApp
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);
}

/// <summary>Two hosts on one database; the second starts once the first has migrated.</summary>
public sealed class TwoAccountsHosts : IAsyncLifetime
{
    public TwoAccountsHosts() => Second = new SecondAccountsHost(First);

    public NetworkCenterApp First { get; } = new();

    public SecondAccountsHost Second { get; }

    public async Task InitializeAsync()
    {
        await First.InitializeAsync();
        _ = First.Server;
        await Second.InitializeAsync();
        _ = Second.Server;
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}

/// <summary>
/// Sessions are checked against an in-memory copy of the account that every process drops when the database notifies a
/// change, so a change made through one process takes effect in the others without a read per request.
/// </summary>
public sealed class SessionCacheFacts(TwoAccountsHosts hosts) : IClassFixture<TwoAccountsHosts>
{
    internal sealed record Me(long Id, string Username, string[] Roles);

    /// <summary>A client of the second host, signed in, whose account the second host has cached by a first request.</summary>
    internal static async Task<(HttpClient Client, TestAccount Account)> CachedSessionAsync(NetworkCenterApp first, NetworkCenterApp second, string role)
    {
        var cache = second.Service<SessionCache>();
        await Eventually.HoldsAsync(() => Task.FromResult(cache.IsListening), "the second host listens for account changes");
        var account = await first.CreateAccountAsync(role);
        var client = await second.SignedInClientAsync(account.Username, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        return (client, account);
    }

    [Fact]
    public async Task DeactivatingAnAccountInOneHost_SignsItsSessionOutInTheOther()
    {
        var (client, account) = await CachedSessionAsync(hosts.First, hosts.Second, Roles.HandlingProcurator);
        using var _ = client;
        using var admin = await hosts.First.SignedInClientAsync();

        (await admin.PostAsync($"/api/network/staff/{account.StaffId}/deactivate", null)).EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.Unauthorized,
            "the second host signs the deactivated account out");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ChangingRolesInOneHost_ChangesTheSessionsRolesInTheOther()
    {
        var (client, account) = await CachedSessionAsync(hosts.First, hosts.Second, Roles.HandlingProcurator);
        using var _ = client;
        using var admin = await hosts.First.SignedInClientAsync();

        var change = await admin.PutAsJsonAsync($"/api/network/staff/{account.StaffId}",
            new { name = $"干警 {account.Username}", roles = new[] { Roles.Supervisor } });

        Assert.True(change.IsSuccessStatusCode, await change.Content.ReadAsStringAsync());
        var me = await Eventually.ReturnsAsync(async () =>
        {
            var current = await client.GetFromJsonAsync<Me>("/api/auth/me");
            return current!.Roles.SequenceEqual([Roles.Supervisor]) ? current : null;
        }, "the second host's session carries the new role");
        Assert.Equal(account.AccountId, me.Id);
    }

    [Fact]
    public async Task DeactivatingInTheSameHost_SignsOutOnTheVeryNextRequest()
    {
        var (client, account) = await CachedSessionAsync(hosts.Second, hosts.Second, Roles.HandlingProcurator);
        using var _ = client;
        using var admin = await hosts.Second.SignedInClientAsync();

        (await admin.PostAsync($"/api/network/staff/{account.StaffId}/deactivate", null)).EnsureSuccessStatusCode();

        // No waiting: the deactivating request itself cleared this host's cache before it answered.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}

/// <summary>A host whose account-change listener, once lost, stays lost for the length of a test run.</summary>
public sealed class SlowReconnectApp : NetworkCenterApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:SessionListenerRetryInterval", "01:00:00");
    }
}

public sealed class SessionListenerLossFacts(SlowReconnectApp app) : IClassFixture<SlowReconnectApp>
{
    [Fact]
    public async Task WithoutTheListener_SessionsAreReadFromTheDatabase_SoAChangeItMissedStillTakesEffect()
    {
        var (client, account) = await SessionCacheFacts.CachedSessionAsync(app, app, Roles.HandlingProcurator);
        using var _ = client;
        var cache = app.Service<SessionCache>();

        await using (var connection = await app.OpenConnectionAsync())
        {
            var terminated = await connection.QueryAsync<bool>(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = @name and datname = current_database()",
                new { name = SessionChangeListener.ApplicationName });
            Assert.Equal([true], terminated);
        }
        await Eventually.HoldsAsync(() => Task.FromResult(!cache.IsListening), "the host notices its listener is gone");
        // Written straight into the table: the trigger's notification reaches no listener of this host.
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update supervision.accounts set active = false where id = @AccountId", new { account.AccountId });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }
}
