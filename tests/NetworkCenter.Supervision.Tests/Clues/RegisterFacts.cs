using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class RegisterFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_Returns201WithRegisterNumber_AndStoresEveryFieldAndTheHistory()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var clue = ClueTestData.Judgment(office);

        var response = await client.PostAsJsonAsync("/api/clues", clue);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!;
        Assert.Matches(@"^2026-\d{4}$", registered.RegisterNumber);
        Assert.Equal($"/api/clues/{registered.Id}", response.Headers.Location?.OriginalString);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");
        Assert.Equal("registered", detail.GetProperty("status").GetString());
        Assert.Equal("judgment-supervision", detail.GetProperty("kind").GetString());
        Assert.Equal(clue["caseNumber"], detail.GetProperty("caseNumber").GetString());
        Assert.Equal("2025-11-20", detail.GetProperty("judgmentDate").GetString());
        Assert.Equal(125000.50m, detail.GetProperty("amountInvolved").GetDecimal());
        Assert.Equal(2, detail.GetProperty("parties").GetArrayLength());
        Assert.StartsWith("某县棉纺厂", detail.GetProperty("parties")[1].GetProperty("name").GetString());
        Assert.Equal("某某律师事务所", detail.GetProperty("agents")[0].GetProperty("lawFirm").GetString());
        Assert.Equal(office, detail.GetProperty("sources")[0].GetProperty("officeId").GetInt64());
        var history = detail.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("toStatus").GetString(), h.GetProperty("actor").GetString())).ToList();
        Assert.Equal([("draft", "admin"), ("registered", "admin")], history);
    }

    [Fact]
    public async Task Register_KeepsHtmlAsText()
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        clue["summary"] = "<script>alert('x')</script> & <b>加粗</b>";

        var registered = await ClueTestData.RegisterAsync(client, clue);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");
        Assert.Equal("<script>alert('x')</script> & <b>加粗</b>", detail.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Register_Returns400NamingEachField_AndStoresNothing()
    {
        using var client = await app.SignedInClientAsync();
        var before = await CountAsync();
        var clue = new Dictionary<string, object?>
        {
            ["sourceKind"] = "liaison-office",
            ["kind"] = "public-interest",
            ["summary"] = "",
            ["amountInvolved"] = -1,
            ["judgmentDate"] = "2099-01-01",
            ["parties"] = new object[]
            {
                new { role = "boss", personKind = "natural", name = "", idNumber = "130123198001010000", email = "not-an-address", phone = "call me" },
                new { role = "respondent", personKind = "legal", name = "某公司", idNumber = "123" },
            },
            ["agents"] = new object[] { new { name = "" } },
        };

        var response = await client.PostAsJsonAsync("/api/clues", clue);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string[] expected =
        [
            "officeId", "publicInterestArea", "summary", "amountInvolved", "judgmentDate", "parties[0].role", "parties[0].name",
            "parties[0].idNumber", "parties[0].email", "parties[0].phone", "parties[1].idNumber", "agents[0].name",
        ];
        Assert.All(expected, field => Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}"));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("judgmentDate", "2026-02-30")]
    [InlineData("receivedAt", "yesterday")]
    [InlineData("amountInvolved", "a lot")]
    public async Task Register_Returns400NamingTheField_ForAnUnreadableValue(string field, string value)
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        clue[field] = value;

        var response = await client.PostAsJsonAsync("/api/clues", clue);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Register_Returns400_ForUnknownOrInactiveOfficeAndLiaison_AndStoresNothing()
    {
        using var client = await app.SignedInClientAsync();
        var inactive = await ClueTestData.OfficeAsync(app, active: false);
        var before = await CountAsync();

        var unknownOffice = await client.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(999_999));
        var inactiveOffice = await client.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(inactive));
        var wrongKind = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app, kind: "reporting-point"));
        var wrongKindResponse = await client.PostAsJsonAsync("/api/clues", wrongKind);
        var unknownLiaison = ClueTestData.Judgment(1);
        unknownLiaison["sourceKind"] = "liaison";
        unknownLiaison["officeId"] = null;
        unknownLiaison["liaisonId"] = 999_999;
        var unknownLiaisonResponse = await client.PostAsJsonAsync("/api/clues", unknownLiaison);

        foreach (var (response, field) in new[] { (unknownOffice, "officeId"), (inactiveOffice, "officeId"), (wrongKindResponse, "officeId"), (unknownLiaisonResponse, "liaisonId") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        }
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_AcceptsAnotherSourceKinds_AndTakesTheLiaisonsOffice()
    {
        using var client = await app.SignedInClientAsync();
        var office = await ClueTestData.OfficeAsync(app);
        var liaison = await ClueTestData.LiaisonAsync(app, office);
        var clue = ClueTestData.Judgment(office);
        clue["sourceKind"] = "liaison";
        clue["officeId"] = null;
        clue["liaisonId"] = liaison;

        var registered = await ClueTestData.RegisterAsync(client, clue);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{registered.Id}");
        Assert.Equal(liaison, detail.GetProperty("liaisonId").GetInt64());
        Assert.Equal(office, detail.GetProperty("officeId").GetInt64());
    }

    [Fact]
    public async Task Register_Returns403_ForStaffWithoutTheClueAdministratorRole_AndRequiresSignIn()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/clues", ClueTestData.Judgment(1));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(long Clues, long Attachments)> CountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clues"),
            await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clue_attachments"));
    }
}
