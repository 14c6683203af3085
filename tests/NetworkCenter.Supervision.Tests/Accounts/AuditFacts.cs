using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Network;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Accounts;

public sealed class AuditFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Audit_ListsEveryChangeOfARecord_NewestFirst_WithItsAuthor()
    {
        var (clerk, account) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator);
        using var _ = clerk;
        var id = await clerk.CreateOfficeAsync("审计测试联络站");
        await clerk.PostAsync($"/api/network/offices/{id}/deactivate", null);
        using var admin = await app.SignedInClientAsync();

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?subject=office:{id}");

        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["office.deactivated", "office.registered"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(account.Username, e.GetProperty("actor").GetString()));
        Assert.Equal("审计测试联络站", entries[1].GetProperty("details").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Audit_Returns400NamingTo_WhenTheRangeIsBackwards()
    {
        using var admin = await app.SignedInClientAsync();

        var response = await admin.GetAsync("/api/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["to"], await response.ErrorFieldsAsync());
    }
}
