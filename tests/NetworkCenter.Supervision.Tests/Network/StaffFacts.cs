using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Network;

public sealed class StaffFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_Returns400NamingEveryBadField_AndStoresNothing()
    {
        using var client = await app.SignedInClientAsync();
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/network/staff", new
        {
            name = "", email = "a@b", roles = new[] { "janitor", Roles.Liaison }, username = "", password = "1234567",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["email", "name", "password", "roles[0]", "roles[1]", "username"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_Returns409NamingTheUsername_WhenItIsTaken()
    {
        using var client = await app.SignedInClientAsync();
        var existing = await app.CreateAccountAsync(Roles.HandlingProcurator);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/network/staff", new
        {
            name = "重复者", roles = new[] { Roles.HandlingProcurator }, username = existing.Username.ToUpperInvariant(), password = "long-enough",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["username"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ChangeRoles_TakesEffectOnTheUsersNextRequest()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var _ = client;
        using var admin = await app.SignedInClientAsync();
        var refused = await client.PostAsJsonAsync("/api/network/offices", new { });

        var change = await admin.PutAsJsonAsync($"/api/network/staff/{account.StaffId}", new
        {
            name = "改任线索管理员", roles = new[] { Roles.ClueAdministrator, Roles.HandlingProcurator },
        });
        var admitted = await client.PostAsJsonAsync("/api/network/offices", new { });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, admitted.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Contains(Roles.ClueAdministrator, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task SystemAdministrator_CannotRemoveTheirOwnRoleOrDeactivateThemselves()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.SystemAdministrator);
        using var _ = client;

        var demote = await client.PutAsJsonAsync($"/api/network/staff/{account.StaffId}", new { name = "自己", roles = new[] { Roles.Supervisor } });
        var deactivate = await client.PostAsync($"/api/network/staff/{account.StaffId}/deactivate", null);

        Assert.Equal(["roles"], await demote.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, deactivate.StatusCode);
    }

    [Fact]
    public async Task Deactivate_KeepsTheStaffMember_AndJournalsIt()
    {
        var member = await app.CreateAccountAsync(Roles.Supervisor);
        using var admin = await app.SignedInClientAsync();

        var deactivated = await (await admin.PostAsync($"/api/network/staff/{member.StaffId}/deactivate", null)).JsonAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/network/staff?q={member.Username}&active=false");
        var reactivated = await (await admin.PostAsync($"/api/network/staff/{member.StaffId}/reactivate", null)).JsonAsync();

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.True(reactivated.GetProperty("active").GetBoolean());
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(["staff.registered", "staff.deactivated", "staff.reactivated"], await connection.QueryAsync<string>(
            "select action from supervision.audit_log where subject = @subject order by id", new { subject = $"staff:{member.StaffId}" }));
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select (select count(*) from supervision.staff) + (select count(*) from supervision.accounts)");
    }
}
