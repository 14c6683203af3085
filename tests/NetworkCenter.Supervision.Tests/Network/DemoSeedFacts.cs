using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Network;

public sealed class DemoSeedFacts(DemoNetworkApp app) : IClassFixture<DemoNetworkApp>
{
    [Fact]
    public async Task DemoSeed_CreatesTheNetworkOfTheDomain_InDevelopment()
    {
        using var client = await app.SignedInClientAsync();

        var offices = await client.GetFromJsonAsync<JsonElement>("/api/network/offices?kind=liaison-office&pageSize=100");
        var points = await client.GetFromJsonAsync<JsonElement>("/api/network/offices?kind=reporting-point&pageSize=100");
        var liaisons = await client.GetFromJsonAsync<JsonElement>("/api/network/liaisons?pageSize=100");

        Assert.Equal(18, offices.GetProperty("total").GetInt32());
        Assert.Equal(8, points.GetProperty("total").GetInt32());
        Assert.Equal(29, liaisons.GetProperty("total").GetInt32());
        var hostUnitKinds = offices.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("hostUnitKind").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "npc", "cppcc", "discipline-inspection", "political-legal", "comprehensive-management", "petition",
                "judicial-bureau", "township-legal-service", "legal-aid", "law-firm" },
            hostUnitKinds);
        foreach (var group in new[] { "evaluation", "argumentation", "grassroots", "npc", "cppcc", "discipline-inspection" })
        {
            var members = await client.GetFromJsonAsync<JsonElement>($"/api/network/liaisons?group={group}");
            Assert.True(members.GetProperty("total").GetInt32() > 0, $"nobody in the {group} group");
        }
        Assert.Contains(liaisons.GetProperty("items").EnumerateArray(), l => l.GetProperty("ties").GetArrayLength() > 0);
    }

    [Fact]
    public async Task DemoSeed_HasAStaffMemberInEveryRole_WhoSignInWithTheirUsernameAsPassword()
    {
        using var admin = await app.SignedInClientAsync();

        foreach (var role in Roles.Staff.Where(r => r != Roles.SystemAdministrator))
        {
            var staff = await admin.GetFromJsonAsync<JsonElement>($"/api/network/staff?role={role}");
            var someone = staff.GetProperty("items").EnumerateArray().First(s => s.GetProperty("username").GetString() != "admin");
            var username = someone.GetProperty("username").GetString()!;
            using var client = await app.SignedInClientAsync(username, username);
            var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
            Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }
        var procurators = await admin.GetFromJsonAsync<JsonElement>($"/api/network/staff?role={Roles.HandlingProcurator}");
        Assert.Equal(4, procurators.GetProperty("total").GetInt32()); // three handling procurators and admin
    }

    [Fact]
    public async Task DemoSeed_GivesTheFirstTenLiaisonsAnAccount()
    {
        using var client = await app.SignedInClientAsync("liaison01", "liaison01");

        var own = await client.GetFromJsonAsync<JsonElement>("/api/me/liaison");

        Assert.Equal("liaison01@qinghe.example", own.GetProperty("email").GetString());
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(10, await connection.ExecuteScalarAsync<int>(
            "select count(*) from supervision.liaisons where account_id is not null"));
    }
}

/// <summary>The service in Production with a connection string and <c>Seed:Demo=true</c> all the same.</summary>
public sealed class ProductionApp : NetworkCenterApp
{
    protected override bool UseManualClock => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Seed:Demo", "true");
    }
}

public sealed class ProductionSeedFacts(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Production_SeedsNoDemoNetwork_AndNoAdminWithoutAConfiguredPassword()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/health")).EnsureSuccessStatusCode();

        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from supervision.offices"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from supervision.liaisons"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from supervision.accounts where username <> 'admin'"));
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NC_ADMIN_PASSWORD")))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from supervision.accounts"));
        }
    }
}
