using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>Each test class has its own database, so these facts know every clue in it.</summary>
public sealed class SearchFacts(SearchFacts.SearchRegister register) : IClassFixture<SearchFacts.SearchRegister>
{
    /// <summary>Twelve clues: received on 2026-02-18 .. 2026-03-01 (+08:00), the last three public-interest from a liaison.</summary>
    public sealed class SearchRegister : NetworkCenterApp
    {
        public long Office { get; private set; }
        public long OtherOffice { get; private set; }
        public long Liaison { get; private set; }
        public List<ClueTestData.Registered> Clues { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var client = await SignedInClientAsync();
            Office = await ClueTestData.OfficeAsync(this);
            OtherOffice = await ClueTestData.OfficeAsync(this);
            Liaison = await ClueTestData.LiaisonAsync(this, OtherOffice);
            for (var i = 0; i < 12; i++)
            {
                var clue = ClueTestData.Judgment(Office);
                // Half past midnight in China is the previous day in UTC: the date filter must use China dates.
                clue["receivedAt"] = new DateTimeOffset(2026, 2, 18, 0, 30, 0, TimeSpan.FromHours(8)).AddDays(i).ToString("O");
                if (i >= 9)
                {
                    clue["kind"] = "public-interest";
                    clue["publicInterestArea"] = "pollution";
                    clue["sourceKind"] = "liaison";
                    clue["officeId"] = null;
                    clue["liaisonId"] = Liaison;
                    clue["summary"] = $"造纸厂向河道排放污水 {i}";
                }
                Clues.Add(await ClueTestData.RegisterAsync(client, clue));
            }
        }
    }

    [Fact]
    public async Task Search_FiltersByKindSourceLiaisonAndOffice()
    {
        using var client = await register.SignedInClientAsync();

        var byKind = await SearchAsync(client, "kind=public-interest");
        var bySource = await SearchAsync(client, "source=liaison");
        var byLiaison = await SearchAsync(client, $"liaisonId={register.Liaison}");
        var byOffice = await SearchAsync(client, $"officeId={register.Office}");
        var both = await SearchAsync(client, "kind=public-interest,judgment-supervision&status=registered");

        Assert.Equal(3, byKind.GetProperty("total").GetInt64());
        Assert.Equal(Ids(byKind), Ids(bySource));
        Assert.Equal(Ids(byKind), Ids(byLiaison));
        Assert.Equal(9, byOffice.GetProperty("total").GetInt64());
        Assert.Equal(12, both.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_FiltersByReceivedDate_InChinaStandardTime_BothEndsIncluded()
    {
        using var client = await register.SignedInClientAsync();

        var page = await SearchAsync(client, "from=2026-02-19&to=2026-02-20");

        Assert.Equal([register.Clues[1].Id, register.Clues[2].Id], Ids(page).Order());
    }

    [Fact]
    public async Task Search_FindsTextInSummaryPartiesAndCaseNumber()
    {
        using var client = await register.SignedInClientAsync();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/clues/{register.Clues[4].Id}");
        var party = detail.GetProperty("parties")[0].GetProperty("name").GetString()!;
        var caseNumber = detail.GetProperty("caseNumber").GetString()!;

        Assert.Equal(3, (await SearchAsync(client, "q=" + Uri.EscapeDataString("排放污水"))).GetProperty("total").GetInt64());
        Assert.Equal([register.Clues[4].Id], Ids(await SearchAsync(client, "q=" + Uri.EscapeDataString(party))));
        Assert.Equal([register.Clues[4].Id], Ids(await SearchAsync(client, "q=" + Uri.EscapeDataString(caseNumber.Replace("(", "（", StringComparison.Ordinal)[5..]))));
        Assert.Equal(0, (await SearchAsync(client, "q=" + Uri.EscapeDataString("%"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_PagesAndSorts()
    {
        using var client = await register.SignedInClientAsync();

        var first = await SearchAsync(client, "sort=registerNumber&pageSize=5&page=1");
        var third = await SearchAsync(client, "sort=registerNumber&pageSize=5&page=3");
        var newest = await SearchAsync(client, "pageSize=1");

        Assert.Equal(12, first.GetProperty("total").GetInt64());
        Assert.Equal(register.Clues.Take(5).Select(c => c.RegisterNumber), first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("registerNumber").GetString()));
        Assert.Equal(register.Clues.Skip(10).Select(c => c.Id), Ids(third));
        Assert.Equal([register.Clues[11].Id], Ids(newest));
    }

    [Fact]
    public async Task Search_Returns400NamingEachMalformedParameter()
    {
        using var client = await register.SignedInClientAsync();

        var response = await client.GetAsync("/api/clues?status=open&kind=x&source=fax&liaisonId=abc&officeId=-1&from=2026-02-30&to=soon&page=0&pageSize=1000&sort=name");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["from", "kind", "liaisonId", "officeId", "page", "pageSize", "sort", "source", "status", "to"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/clues?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
}
