using System.Net;
using System.Net.Http.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Supervision.Tests.Accounts;

public sealed class LockoutFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private sealed record Problem(string Title);

    private sealed record AuditRow(string Actor, string Action, string Subject, string Details);

    [Fact]
    public async Task Login_LocksAccount_AfterFiveFailuresInARow_AndJournalsTheLock()
    {
        var account = await app.CreateAccountAsync(Roles.HandlingProcurator);
        using var client = app.CreateClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }
        var fifth = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
        var withRightPassword = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, withRightPassword.StatusCode);
        Assert.Equal("application/problem+json", withRightPassword.Content.Headers.ContentType?.MediaType);
        var entries = await AuditAsync($"account:{account.AccountId}", "account.locked");
        var entry = Assert.Single(entries);
        Assert.Equal(account.Username, entry.Actor);
        Assert.Contains("\"failedSignIns\": 5", entry.Details);
    }

    [Fact]
    public async Task Login_Succeeds_AfterTheLockPeriod_AndJournalsTheUnlock()
    {
        var account = await app.CreateAccountAsync(Roles.DepartmentHead);
        using var client = app.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
        }

        app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });
        app.Service<ManualClock>().Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterLock = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });

        Assert.Equal(HttpStatusCode.Locked, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, afterLock.StatusCode);
        var unlock = Assert.Single(await AuditAsync($"account:{account.AccountId}", "account.unlocked"));
        Assert.Equal("system", unlock.Actor);
    }

    [Fact]
    public async Task Login_CountsOnlyFailuresInARow()
    {
        var account = await app.CreateAccountAsync(Roles.Supervisor);
        using var client = app.CreateClient();

        for (var round = 0; round < 3; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
            }
            var success = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });
            Assert.Equal(HttpStatusCode.NoContent, success.StatusCode);
        }
        Assert.Empty(await AuditAsync($"account:{account.AccountId}", "account.locked"));
    }

    [Fact]
    public async Task Unlock_ByAdministrator_LiftsTheLock_AndIsJournaledWithTheAdministrator()
    {
        var account = await app.CreateAccountAsync(Roles.ChiefProcurator);
        using var client = app.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
        }
        using var admin = await app.SignedInClientAsync();

        var unlock = await admin.PostAsync($"/api/accounts/{account.AccountId}/unlock", null);
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });

        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal("admin", Assert.Single(await AuditAsync($"account:{account.AccountId}", "account.unlocked")).Actor);
    }

    [Fact]
    public async Task Login_AnswersLikeAnUnknownUser_WhenALockedAccountIsTriedWithAWrongPassword()
    {
        var account = await app.CreateAccountAsync(Roles.HandlingProcurator);
        using var client = app.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "wrong-password" });
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "another-guess" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody-at-all", password = "another-guess" });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<Problem>())!.Title, (await locked.Content.ReadFromJsonAsync<Problem>())!.Title);
    }

    [Fact]
    public async Task Login_Returns401_ForUnknownUser_WithoutLockingAnything()
    {
        using var client = app.CreateClient();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody-here", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private async Task<List<AuditRow>> AuditAsync(string subject, string action)
    {
        await using var connection = await app.OpenConnectionAsync();
        return [.. await connection.QueryAsync<AuditRow>(
            "select actor, action, subject, details::text as details from supervision.audit_log where subject = @subject and action = @action",
            new { subject, action })];
    }
}
