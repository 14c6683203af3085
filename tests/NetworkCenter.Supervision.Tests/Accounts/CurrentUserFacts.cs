using System.Net.Http.Json;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Accounts;

public sealed class CurrentUserFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private sealed record MeResponse(long Id, string Username, string[] Roles, string Language, long? LiaisonId);

    [Fact]
    public async Task Admin_IsASeededAccount_InEveryStaffRole()
    {
        using var client = await app.SignedInClientAsync();

        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        Assert.Equal("admin", me!.Username);
        Assert.True(me.Id > 0);
        Assert.Equal(Roles.Staff.Order(), me.Roles.Order());
        Assert.Equal("zh-CN", me.Language);
        Assert.Null(me.LiaisonId);
    }

    [Fact]
    public async Task Liaison_SignsIn_WithLiaisonIdAndLanguageClaims()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _ = client;

        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        Assert.Equal(account.AccountId, me!.Id);
        Assert.Equal([Roles.Liaison], me.Roles);
        Assert.Equal(account.LiaisonId, me.LiaisonId);
    }

    [Fact]
    public void CurrentUser_RoundTripsThroughClaims()
    {
        var user = new CurrentUser(7, "liaison07", [Roles.Liaison], 12, "en");

        var back = CurrentUser.From(user.ToPrincipal("test"));

        Assert.NotNull(back);
        Assert.Equal(user.AccountId, back.AccountId);
        Assert.Equal(user.Username, back.Username);
        Assert.Equal(user.Roles, back.Roles);
        Assert.Equal(12, back.LiaisonId);
        Assert.Equal("en", back.Language);
        Assert.True(back.IsLiaison);
        Assert.False(back.IsStaff);
    }

    [Fact]
    public async Task DeactivatedStaff_IsSignedOut_OnTheirNextRequest()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var _ = client;
        using var admin = await app.SignedInClientAsync();

        var deactivate = await admin.PostAsync($"/api/network/staff/{account.StaffId}/deactivate", null);
        var me = await client.GetAsync("/api/auth/me");

        deactivate.EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, me.StatusCode);
    }
}
