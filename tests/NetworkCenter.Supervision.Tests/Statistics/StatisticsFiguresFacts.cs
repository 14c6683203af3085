using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>Every figure of March 2026 over the history of <see cref="StatisticsHistoryApp"/>, against numbers worked out by hand.</summary>
public sealed class StatisticsFiguresFacts(StatisticsHistoryApp app) : IClassFixture<StatisticsHistoryApp>
{
    /// <summary>The start of April, CST: C12's adoption (04-05) and its outcome (04-06) come after it.</summary>
    private static readonly string EndOfMarch = Uri.EscapeDataString("2026-04-01T00:00:00+08:00");

    private static readonly string March = $"month=2026-03&asOf={EndOfMarch}";

    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = await app.SignedInClientAsync();
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    [Fact]
    public async Task Summary_CountsTheMonthsRegisteredClues_TheirAdoption_ValueAndDeadlines()
    {
        var summary = (await GetAsync($"/api/statistics/summary?{March}"))[0];

        // C1 C2 C3 C4 C6 C12: not C5 (merged into C1), C7 (04-01 00:10 CST), C11 (draft), C8-C10 (February).
        Assert.Equal(6, summary.GetProperty("registered").GetInt64());
        // C1 (decision to file), C3 (protest proposed); C12 was filed only on 04-05.
        Assert.Equal(2, summary.GetProperty("adoptedClues").GetInt64());
        Assert.Equal(0.3333m, summary.GetProperty("adoptionRate").GetDecimal());
        // The six clues' own sources and C5's, now under C1; three of them (C1 twice, C3) adopted.
        Assert.Equal(7, summary.GetProperty("sourcesGiven").GetInt64());
        Assert.Equal(3, summary.GetProperty("sourcesAdopted").GetInt64());
        Assert.Equal(0.4286m, summary.GetProperty("sourceAdoptionRate").GetDecimal());
        // Recorded in March: 120000.50 - 0.50 recovered, 50000 avoided; C12's 8000 came in April.
        Assert.Equal(3, summary.GetProperty("outcomes").GetInt64());
        Assert.Equal(120000m, summary.GetProperty("amountRecovered").GetDecimal());
        Assert.Equal(50000m, summary.GetProperty("lossAvoided").GetDecimal());
        // R1 R2 R3 W1 completed by the end of March, R2 late.
        Assert.Equal(4, summary.GetProperty("tasksCompleted").GetInt64());
        Assert.Equal(3, summary.GetProperty("tasksCompletedOnTime").GetInt64());
        Assert.Equal(0.75m, summary.GetProperty("onTimeShare").GetDecimal());
        Assert.Equal("2026-03-01", summary.GetProperty("from").GetString());
        Assert.Equal("2026-04-01", summary.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Sources_Offices_Kinds_Statuses_Decisions_Outcomes()
    {
        var sources = await GetAsync($"/api/statistics/sources?{March}");
        Assert.Equal(
            ["liaison 4 2 0.5 240000 0", "liaison-office 1 1 1 0 50000", "reporting-point 1 0 0 0 0", "walk-in 1 0 0 0 0"],
            Rows(sources, "source", "given", "adopted", "adoptionRate", "amountRecovered", "lossAvoided"));

        var offices = await GetAsync($"/api/statistics/offices?{March}");
        Assert.Equal([$"{app.O1} liaison-office 1 1 1 50000", $"{app.O2} reporting-point 1 0 0 0"],
            Rows(offices, "officeId", "officeKind", "given", "adopted", "adoptionRate", "lossAvoided"));

        var kinds = await GetAsync($"/api/statistics/kinds?{March}");
        Assert.Equal(
        [
            "judgment-supervision - 2 1 0.5", "judicial-misconduct - 1 0 0", "public-interest improper-fees 1 0 0",
            "public-interest land 1 0 0", "public-interest pollution 1 1 1",
        ], Rows(kinds, "kind", "area", "registered", "adopted", "adoptionRate"));

        var statuses = await GetAsync($"/api/statistics/statuses?{March}");
        Assert.Equal(["filed 2", "not-filed 1", "protest-proposed 1", "registered 1", "under-review 1"], Rows(statuses, "status", "clues"));

        var decisions = await GetAsync($"/api/statistics/decisions?{March}");
        Assert.Equal(["file handling-procurator 1", "not-file chief-procurator 1"], Rows(decisions, "decision", "deciderRole", "decisions"));

        var outcomes = await GetAsync($"/api/statistics/outcomes?{March}");
        Assert.Equal(["correction 1 -0.5 0", "protest-proposed 1 0 50000", "suggestion-adopted 1 120000.5 0"],
            Rows(outcomes, "outcome", "outcomes", "amountRecovered", "lossAvoided"));
    }

    [Fact]
    public async Task Deadlines_ShareMetOnTime_AndDurations_PerProcedureTask()
    {
        var deadlines = await GetAsync($"/api/statistics/deadlines?{March}");

        // The host's own procedures are left out: the weekly collection, started while the clock moved to 03-25, and the
        // clue intake that the minutely sweep starts for the registered February clues; when they start is Hangfire's.
        Assert.Equal(
        [
            "rapid-response ContactLiaison 1 1 1 0 0 1 96 96",
            "review-and-discussion Discussion 1 0 0 0 0 - - -",
            "review-and-discussion Review 5 3 2 1 1 0.6667 168 200",
        ], Rows(deadlines, "procedure", "task", "tasks", "completed", "completedOnTime", "completedLate", "openOverdue", "onTimeShare",
            "medianHours", "averageHours").Where(row => !HostStarted.Any(key => row.StartsWith(key + " ", StringComparison.Ordinal))));

        var judgments = await GetAsync($"/api/statistics/deadlines?{March}&kind=judgment-supervision");
        Assert.Equal(["review-and-discussion Discussion 1", "review-and-discussion Review 5"], Rows(judgments, "procedure", "task", "tasks"));
    }

    [Fact]
    public async Task Liaisons_AreRankedByAdoptionAndValue_AndAMergedClueKeepsItsLiaisonsCredit()
    {
        var liaisons = await GetAsync($"/api/statistics/liaisons?{March}");
        var months = await GetAsync($"/api/statistics/liaison-months?{March}");
        var outstanding = await GetAsync($"/api/statistics/outstanding?{March}&top=2");

        // L3 gave C5, merged into C1: C1's adoption and value count for L3 as for L1. All three adopted one of two;
        // L1 and L3 share the first rank on value (120000 each), L2 (50000) is third.
        var expected = new[]
        {
            $"{app.L1.LiaisonId} 2 1 0.5 120000 0 120000 1", $"{app.L2} 2 1 0.5 0 50000 50000 3", $"{app.L3} 2 1 0.5 120000 0 120000 1",
        };
        string[] columns = ["liaisonId", "given", "adopted", "adoptionRate", "amountRecovered", "lossAvoided", "value", "rank"];
        Assert.Equal(expected, Rows(liaisons, columns).Order());
        Assert.Equal(expected, Rows(months, columns).Order());
        Assert.All(months.EnumerateArray(), row => Assert.Equal("2026-03", row.GetProperty("month").GetString()));
        Assert.Equal([app.L1.LiaisonId!.Value, app.L3], outstanding.EnumerateArray().Select(r => r.GetProperty("liaisonId").GetInt64()).Order());

        // By 04-10 C12 was filed and brought 8000: L2 has adopted both of theirs and leads.
        var later = await GetAsync($"/api/statistics/liaisons?month=2026-03&asOf={Uri.EscapeDataString("2026-04-10T00:00:00+08:00")}");
        var first = later.EnumerateArray().Single(r => r.GetProperty("rank").GetInt64() == 1);
        Assert.Equal(app.L2, first.GetProperty("liaisonId").GetInt64());
        Assert.Equal(1m, first.GetProperty("adoptionRate").GetDecimal());
        Assert.Equal(58000m, first.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Liaison_SeesOnlyTheirOwnFigures_InThePortal()
    {
        using var client = await app.SignedInClientAsync(app.L1.Username, app.L1.Password);

        var mine = await client.GetFromJsonAsync<JsonElement>($"/api/portal/statistics?{March}");

        Assert.Equal([$"2026-03 {app.L1.LiaisonId} 2 1 120000 1"], Rows(mine, "month", "liaisonId", "given", "adopted", "value", "rank"));
    }

    [Fact]
    public async Task Months_And_GrowingFields()
    {
        var months = await GetAsync($"/api/statistics/months?from=2026-02-01&to=2026-04-01&asOf={EndOfMarch}");
        Assert.Equal(["2026-02 3 0 0 3 0 0 0", "2026-03 6 2 0.3333 7 3 120000 50000"],
            Rows(months, "month", "registered", "adopted", "adoptionRate", "sourcesGiven", "outcomes", "amountRecovered", "lossAvoided"));

        // March against the 31 days before it (01-29 to 02-28): C8 land, C9 C10 pollution.
        var fields = await GetAsync($"/api/statistics/fields?{March}");
        Assert.Equal(
        [
            "judgment-supervision 2 0 2 -", "improper-fees 1 0 1 -", "judicial-misconduct 1 0 1 -", "land 1 1 0 0", "pollution 1 2 -1 -0.5",
        ], Rows(fields, "field", "clues", "previousClues", "change", "growth"));
    }

    [Fact]
    public async Task Overview_HoldsTheSameFiguresAsEachTable()
    {
        var overview = await GetAsync($"/api/statistics?{March}");

        foreach (var table in new[] { "summary", "sources", "offices", "liaisons", "kinds", "statuses", "decisions", "outcomes", "deadlines", "months", "fields" })
        {
            var alone = await GetAsync($"/api/statistics/{table}?{March}");
            var inOverview = overview.GetProperty(table);
            if (table == "deadlines")
            {
                // The host's own procedures may start between the two requests (Hangfire decides when): compare the rest.
                Assert.Equal(WithoutHostStarted(alone), WithoutHostStarted(inOverview));
                continue;
            }
            Assert.True(JsonElement.DeepEquals(inOverview.ValueKind == JsonValueKind.Array ? alone : alone[0], inOverview), table);
        }
    }

    [Fact]
    public async Task KindFilter_LimitsEveryFigureToThatKind()
    {
        var summary = (await GetAsync($"/api/statistics/summary?{March}&kind=public-interest"))[0];

        Assert.Equal(3, summary.GetProperty("registered").GetInt64()); // C2 C3 C12
        Assert.Equal(1, summary.GetProperty("adoptedClues").GetInt64()); // C3
        Assert.Equal(1, summary.GetProperty("outcomes").GetInt64()); // C3's
        Assert.Equal(50000m, summary.GetProperty("lossAvoided").GetDecimal());
        Assert.Equal(1, summary.GetProperty("tasksCompleted").GetInt64()); // W1 on C3; the reviews are on judgment clues
    }

    /// <summary>Each row as its chosen columns joined by spaces: numbers without trailing zeros, null as "-".</summary>
    /// <summary>Procedures the host starts by itself (the seed has none of them): the weekly collection and the intake sweep's.</summary>
    private static readonly string[] HostStarted = ["weekly-collection", "clue-intake"];

    private static string[] WithoutHostStarted(JsonElement rows) =>
        [.. rows.EnumerateArray().Where(row => !HostStarted.Contains(row.GetProperty("procedure").GetString())).Select(row => row.GetRawText())];

    internal static string[] Rows(JsonElement rows, params string[] columns) =>
        [.. rows.EnumerateArray().Select(row => string.Join(' ', columns.Select(c => Cell(row.GetProperty(c)))))];

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.Number => (value.GetDecimal() / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
