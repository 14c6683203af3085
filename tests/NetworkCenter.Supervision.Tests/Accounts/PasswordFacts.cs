using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Accounts;

public sealed class PasswordFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task ChangePassword_ReplacesThePassword_WhenTheCurrentOneIsGiven()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var _ = client;

        var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = account.Password, newPassword = "a-new-password" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var anonymous = app.CreateClient();
        var withOld = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });
        var withNew = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "a-new-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withNew.StatusCode);
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from supervision.audit_log where action = 'account.password-changed' and subject = @subject and actor = @username",
            new { subject = $"account:{account.AccountId}", account.Username }));
    }

    [Fact]
    public async Task ChangePassword_Returns400NamingFields_WhenCurrentIsWrongAndNewIsShort()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _ = client;

        var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it-at-all", newPassword = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("currentPassword", errors);
        Assert.Contains("newPassword", errors);
        using var anonymous = app.CreateClient();
        var stillOld = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = account.Password });
        Assert.Equal(HttpStatusCode.NoContent, stillOld.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Returns401_WhenNotSignedIn()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "whatever1", newPassword = "whatever2" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ByAdministrator_SetsANewPassword()
    {
        var account = await app.CreateAccountAsync(Roles.CommitteeSecretary);
        using var admin = await app.SignedInClientAsync();

        var reset = await admin.PostAsJsonAsync($"/api/accounts/{account.AccountId}/password", new { newPassword = "reset-by-admin" });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        using var anonymous = app.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = account.Username, password = "reset-by-admin" });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_Returns403_ForAClueAdministrator()
    {
        var target = await app.CreateAccountAsync(Roles.Liaison);
        var (client, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator);
        using var _client = client;

        var reset = await client.PostAsJsonAsync($"/api/accounts/{target.AccountId}/password", new { newPassword = "reset-by-clerk" });

        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
    }

    [Fact]
    public async Task StoredPassword_IsAHash_NeverThePassword()
    {
        var account = await app.CreateAccountAsync(Roles.Supervisor);
        await using var connection = await app.OpenConnectionAsync();

        var hash = await connection.ExecuteScalarAsync<string>("select password_hash from supervision.accounts where id = @AccountId", account);

        Assert.DoesNotContain(account.Password, hash);
        Assert.True(Convert.FromBase64String(hash!)[0] == 0x01, "an ASP.NET Core Identity v3 hash");
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
