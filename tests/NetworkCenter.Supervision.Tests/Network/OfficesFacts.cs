using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Network;

public sealed class OfficesFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_StoresTheOffice_AndJournalsWhoDidIt()
    {
        var (client, account) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator);
        using var _ = client;

        var response = await client.PostAsJsonAsync("/api/network/offices", new
        {
            kind = "liaison-office", name = "城关镇法律服务所联络站", hostUnitKind = "township-legal-service", hostUnit = "城关镇法律服务所",
            address = "城关镇人民路 8 号", contactPerson = "王某", phone = "0371-6555 1234", email = "chengguan@example.cn",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var office = await response.JsonAsync();
        var id = office.GetProperty("id").GetInt64();
        Assert.Equal($"/api/network/offices/{id}", response.Headers.Location?.OriginalString);
        Assert.True(office.GetProperty("active").GetBoolean());
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(account.Username, await connection.ExecuteScalarAsync<string>(
            "select actor from supervision.audit_log where action = 'office.registered' and subject = @subject", new { subject = $"office:{id}" }));
    }

    [Fact]
    public async Task Register_Returns400NamingEveryBadField_AndStoresNothing()
    {
        using var client = await app.SignedInClientAsync();
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/network/offices", new
        {
            kind = "embassy", name = " ", hostUnitKind = "bank", hostUnit = "某单位", phone = "call me", email = "not-an-email",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["email", "hostUnitKind", "kind", "name", "phone"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_Returns409NamingName_WhenTheNameIsTaken_IgnoringCase()
    {
        using var client = await app.SignedInClientAsync();
        await client.CreateOfficeAsync("Law Firm Point A", "reporting-point", "law-firm");

        var response = await client.PostAsJsonAsync("/api/network/offices", new
        {
            kind = "reporting-point", name = "law firm point a", hostUnitKind = "law-firm", hostUnit = "某律师事务所",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["name"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Register_KeepsHtmlAsText()
    {
        using var client = await app.SignedInClientAsync();
        const string Name = "<script>alert('x')</script> 联络站";

        var id = await client.CreateOfficeAsync(Name);

        var office = await client.GetFromJsonAsync<JsonElement>($"/api/network/offices/{id}");
        Assert.Equal(Name, office.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deactivate_KeepsTheOffice_AndReactivateBringsItBack()
    {
        using var client = await app.SignedInClientAsync();
        var id = await client.CreateOfficeAsync("县信访局联络站", hostUnitKind: "petition");

        var deactivated = await (await client.PostAsync($"/api/network/offices/{id}/deactivate", null)).JsonAsync();
        var delete = await client.DeleteAsync($"/api/network/offices/{id}");
        var stillThere = await client.GetFromJsonAsync<JsonElement>($"/api/network/offices/{id}");
        var reactivated = await (await client.PostAsync($"/api/network/offices/{id}/reactivate", null)).JsonAsync();

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.False(stillThere.GetProperty("active").GetBoolean());
        Assert.True(reactivated.GetProperty("active").GetBoolean());
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(["office.deactivated", "office.reactivated"], await connection.QueryAsync<string>(
            "select action from supervision.audit_log where subject = @subject and action like 'office.%activated' order by id",
            new { subject = $"office:{id}" }));
    }

    [Fact]
    public async Task Change_UpdatesTheOffice_AndRejectsAnUnknownHostUnitKind()
    {
        using var client = await app.SignedInClientAsync();
        var id = await client.CreateOfficeAsync("县政协联络站", hostUnitKind: "cppcc");

        var bad = await client.PutAsJsonAsync($"/api/network/offices/{id}", new
        {
            kind = "liaison-office", name = "县政协联络站", hostUnitKind = "chamber-of-commerce", hostUnit = "县政协",
        });
        var good = await client.PutAsJsonAsync($"/api/network/offices/{id}", new
        {
            kind = "liaison-office", name = "县政协联络站", hostUnitKind = "cppcc", hostUnit = "县政协", contactPerson = "李某",
        });
        var missing = await client.PutAsJsonAsync("/api/network/offices/999999", new
        {
            kind = "liaison-office", name = "无", hostUnitKind = "cppcc", hostUnit = "无",
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["hostUnitKind"], await bad.ErrorFieldsAsync());
        Assert.Equal("李某", (await good.JsonAsync()).GetProperty("contactPerson").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task List_SearchesAndPages()
    {
        using var client = await app.SignedInClientAsync();
        for (var i = 1; i <= 5; i++)
        {
            await client.CreateOfficeAsync($"搜索测试点 {i}", "reporting-point", "legal-aid");
        }

        var firstPage = await client.GetFromJsonAsync<JsonElement>("/api/network/offices?q=搜索测试&kind=reporting-point&page=1&pageSize=2");
        var lastPage = await client.GetFromJsonAsync<JsonElement>("/api/network/offices?q=搜索测试&page=3&pageSize=2");
        var badPaging = await client.GetAsync("/api/network/offices?page=0&pageSize=1000");

        Assert.Equal(5, firstPage.GetProperty("total").GetInt32());
        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal("搜索测试点 1", firstPage.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal("搜索测试点 5", Assert.Single(lastPage.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badPaging.StatusCode);
        Assert.Equal(["page", "pageSize"], await badPaging.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Register_Returns403_ForAHandlingProcurator()
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var _client = client;

        var response = await client.PostAsJsonAsync("/api/network/offices", new
        {
            kind = "liaison-office", name = "不该存在的联络站", hostUnitKind = "npc", hostUnit = "县人大",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("select count(*) from supervision.offices");
    }
}
