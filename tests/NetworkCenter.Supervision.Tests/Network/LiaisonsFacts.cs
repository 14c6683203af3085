using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Network;

public sealed class LiaisonsFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_StoresTheLiaisonWithTiesAndAnAccount_WhoCanThenSignIn()
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator);
        using var _client = client;
        var officeId = await client.CreateOfficeAsync("县律师协会联络站", hostUnitKind: "law-firm");

        var response = await client.PostAsJsonAsync("/api/network/liaisons", new
        {
            name = "张某某", unit = "某某律师事务所", officeId, phone = "13800001234", email = "zhang@example.cn", language = "en",
            expertise = new[] { "civil", "land" }, groups = new[] { "argumentation", "evaluation" },
            ties = new object[]
            {
                new { kind = "lawyer", name = "李某", idNumber = "41010219800101123x", note = "同所律师" },
                new { kind = "judge", name = "赵某" },
            },
            account = new { username = "zhang.lawyer", password = "zhang-secret" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var liaison = await response.JsonAsync();
        Assert.Equal(officeId, liaison.GetProperty("officeId").GetInt64());
        Assert.Equal("县律师协会联络站", liaison.GetProperty("officeName").GetString());
        Assert.Equal(2, liaison.GetProperty("ties").GetArrayLength());
        Assert.Equal("41010219800101123X", liaison.GetProperty("ties")[0].GetProperty("idNumber").GetString());
        Assert.Equal("zhang.lawyer", liaison.GetProperty("username").GetString());
        using var liaisonClient = await app.SignedInClientAsync("zhang.lawyer", "zhang-secret");
        var me = await liaisonClient.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(liaison.GetProperty("id").GetInt64(), me.GetProperty("liaisonId").GetInt64());
        Assert.Equal("en", me.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Register_Returns400NamingEveryBadField_AndStoresNothing()
    {
        using var client = await app.SignedInClientAsync();
        var before = await CountAsync("select (select count(*) from supervision.liaisons) + (select count(*) from supervision.accounts)");

        var response = await client.PostAsJsonAsync("/api/network/liaisons", new
        {
            name = "", unit = "某村委会", officeId = 987654, email = "x@", phone = "12", language = "fr",
            expertise = new[] { "Civil Law!" }, groups = new[] { "choir" },
            ties = new object[] { new { kind = "cousin", name = "" }, new { kind = "party", name = "王某", idNumber = "123" } },
            account = new { username = "bad user", password = "short" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["account.password", "account.username", "email", "expertise[0]", "groups[0]", "language", "name", "officeId", "phone",
                "ties[0].kind", "ties[0].name", "ties[1].idNumber"],
            await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync("select (select count(*) from supervision.liaisons) + (select count(*) from supervision.accounts)"));
    }

    [Fact]
    public async Task Register_Returns409NamingTheUsername_WhenItIsTaken_AndStoresNoLiaison()
    {
        using var client = await app.SignedInClientAsync();
        var before = await CountAsync("select count(*) from supervision.liaisons");

        var response = await client.PostAsJsonAsync("/api/network/liaisons", new
        {
            name = "重名者", unit = "某单位", account = new { username = "ADMIN", password = "long-enough" },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["account.username"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountAsync("select count(*) from supervision.liaisons"));
    }

    [Fact]
    public async Task Liaison_SeesOwnRecord_AndGets404ForAnothers()
    {
        var (client, me) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _ = client;
        var other = await app.CreateAccountAsync(Roles.Liaison);

        var own = await client.GetAsync("/api/me/liaison");
        var ownById = await client.GetAsync($"/api/network/liaisons/{me.LiaisonId}");
        var others = await client.GetAsync($"/api/network/liaisons/{other.LiaisonId}");
        var list = await client.GetAsync("/api/network/liaisons");
        var offices = await client.GetAsync("/api/network/offices");

        Assert.Equal(me.LiaisonId, (await own.JsonAsync()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, ownById.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, offices.StatusCode);
    }

    [Fact]
    public async Task Liaison_ChangesOwnContactsLanguageAndTies_ButNothingElse()
    {
        var (client, me) = await app.SignedInClientForRoleAsync(Roles.Liaison);
        using var _ = client;

        var response = await client.PutAsJsonAsync("/api/me/liaison", new
        {
            phone = "0371-12345678", email = "me@example.cn", language = "en", name = "改名", ties = new[] { new { kind = "party", name = "<b>孙某</b>" } },
        });

        var liaison = await response.JsonAsync();
        Assert.Equal("0371-12345678", liaison.GetProperty("phone").GetString());
        Assert.Equal("<b>孙某</b>", Assert.Single(liaison.GetProperty("ties").EnumerateArray()).GetProperty("name").GetString());
        Assert.StartsWith("联络员", liaison.GetProperty("name").GetString());
        var claims = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("en", claims.GetProperty("language").GetString());

        var withdrawn = await client.PutAsJsonAsync("/api/me/liaison", new { phone = "0371-12345678", language = "en", ties = Array.Empty<object>() });

        Assert.Empty((await withdrawn.JsonAsync()).GetProperty("ties").EnumerateArray());
        Assert.Equal(1, await CountAsync(
            $"select count(*) from supervision.liaison_ties where liaison_id = {me.LiaisonId} and withdrawn_at is not null"));
    }

    [Fact]
    public async Task Deactivate_KeepsTheLiaison_AndStopsTheirSignIn()
    {
        var liaison = await app.CreateAccountAsync(Roles.Liaison);
        using var client = await app.SignedInClientAsync();

        var deactivated = await (await client.PostAsync($"/api/network/liaisons/{liaison.LiaisonId}/deactivate", null)).JsonAsync();
        var delete = await client.DeleteAsync($"/api/network/liaisons/{liaison.LiaisonId}");
        using var anonymous = app.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = liaison.Username, password = liaison.Password });

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(1, await CountAsync($"select count(*) from supervision.liaisons where id = {liaison.LiaisonId}"));
    }

    [Fact]
    public async Task List_FiltersByOfficeExpertiseGroupAndActive()
    {
        using var client = await app.SignedInClientAsync();
        var officeId = await client.CreateOfficeAsync("过滤测试联络站");
        foreach (var (name, expertise, group) in new[] { ("甲", "fees", "grassroots"), ("乙", "environment", "grassroots"), ("丙", "fees", "npc") })
        {
            var created = await client.PostAsJsonAsync("/api/network/liaisons", new
            {
                name = "过滤" + name, unit = "某单位", officeId, expertise = new[] { expertise }, groups = new[] { group },
            });
            created.EnsureSuccessStatusCode();
        }

        var byOffice = await client.GetFromJsonAsync<JsonElement>($"/api/network/liaisons?officeId={officeId}");
        var fees = await client.GetFromJsonAsync<JsonElement>($"/api/network/liaisons?officeId={officeId}&expertise=fees&group=grassroots");
        var byName = await client.GetFromJsonAsync<JsonElement>("/api/network/liaisons?q=过滤乙&active=true");
        var badGroup = await client.GetAsync("/api/network/liaisons?group=choir");

        Assert.Equal(3, byOffice.GetProperty("total").GetInt32());
        Assert.Equal("过滤甲", Assert.Single(fees.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, byName.GetProperty("total").GetInt32());
        Assert.Equal(["group"], await badGroup.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Register_RefusesADeactivatedOffice()
    {
        using var client = await app.SignedInClientAsync();
        var officeId = await client.CreateOfficeAsync("已撤销联络站");
        await client.PostAsync($"/api/network/offices/{officeId}/deactivate", null);

        var response = await client.PostAsJsonAsync("/api/network/liaisons", new { name = "某人", unit = "某单位", officeId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["officeId"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task GrantAccount_LetsALiaisonRegisteredWithoutOneSignIn_Once()
    {
        using var client = await app.SignedInClientAsync();
        var created = await (await client.PostAsJsonAsync("/api/network/liaisons", new { name = "后开账户者", unit = "某单位" })).JsonAsync();
        var id = created.GetProperty("id").GetInt64();

        var granted = await client.PostAsJsonAsync($"/api/network/liaisons/{id}/account", new { username = "late.liaison", password = "late-secret" });
        var again = await client.PostAsJsonAsync($"/api/network/liaisons/{id}/account", new { username = "late.liaison2", password = "late-secret" });

        Assert.Equal("late.liaison", (await granted.JsonAsync()).GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var liaison = await app.SignedInClientAsync("late.liaison", "late-secret");
        Assert.Equal(id, (await liaison.GetFromJsonAsync<JsonElement>("/api/me/liaison")).GetProperty("id").GetInt64());
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
