using System.Globalization;
using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Statistics;
using NetworkCenter.Supervision.Tests.Statistics.Reference;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>
/// The statistics read from the derived tables (supervision.clue_adoptions and supervision.task_deadlines, kept by
/// triggers) against the from-scratch recomputation (<see cref="ReferenceStatisticsQueries"/>, the SQL before them)
/// over the varied history of <see cref="StatisticsVariedHistoryApp"/>: every table, for months, odd ranges and a year,
/// with and without a kind, as of several instants between and after the late events.
/// </summary>
public sealed class StatisticsDerivedFacts(StatisticsVariedHistoryApp app) : IClassFixture<StatisticsVariedHistoryApp>
{
    private static readonly (DateOnly From, DateOnly To)[] Periods =
    [
        (new(2025, 11, 1), new(2025, 12, 1)), (new(2025, 12, 1), new(2026, 1, 1)), (new(2026, 1, 1), new(2026, 2, 1)),
        (new(2026, 2, 1), new(2026, 3, 1)), (new(2025, 11, 15), new(2026, 2, 10)), (new(2025, 12, 31), new(2026, 1, 2)),
        (new(2025, 3, 1), new(2026, 3, 1)),
    ];

    private static readonly string?[] KindsCompared = [null, "public-interest", "judgment-supervision"];

    [Fact]
    public async Task EveryTable_OfEveryPeriodAndAsOf_MatchesTheRecomputationFromScratch()
    {
        var compared = 0;
        var differences = await DifferencesAsync(app, count: () => compared++);

        Assert.True(differences.Count == 0, $"{differences.Count} differ, the first:\n{string.Join('\n', differences.Take(3))}");
        // 7 periods x 3 kinds x 4 instants, 13 tables each
        Assert.Equal(7 * 3 * 4 * 13, compared);
    }

    [Fact]
    public async Task TheRebuildStatements_ReproduceTheDerivedTablesExactly()
    {
        await using var connection = await app.OpenConnectionAsync();
        var adoptions = await RowsAsync(connection, "select clue_id, adopted_at from supervision.clue_adoptions order by clue_id");
        var deadlines = await RowsAsync(connection, "select * from supervision.task_deadlines order by task_id");
        // what the triggers kept has something to compare: adopted clues, tasks completed and open
        Assert.True(adoptions.Count >= 10, $"{adoptions.Count} adoptions");
        Assert.True(deadlines.Count >= 20, $"{deadlines.Count} tasks");

        Assert.Equal(adoptions, await RowsAsync(connection, "select clue_id, adopted_at from supervision.clue_adoptions_recomputed order by clue_id"));
        Assert.Equal(deadlines, await RowsAsync(connection, "select * from supervision.task_deadlines_recomputed order by task_id"));

        await connection.ExecuteAsync("select supervision.rebuild_clue_adoptions(); select supervision.rebuild_task_deadlines()");

        Assert.Equal(adoptions, await RowsAsync(connection, "select clue_id, adopted_at from supervision.clue_adoptions order by clue_id"));
        Assert.Equal(deadlines, await RowsAsync(connection, "select * from supervision.task_deadlines order by task_id"));
    }

    /// <summary>Every comparison that differs, as "period kind asOf table: fast ≠ reference".</summary>
    internal static async Task<List<string>> DifferencesAsync(StatisticsVariedHistoryApp app, Action? count = null)
    {
        var fast = app.Service<StatisticsQueries>();
        var reference = new ReferenceStatisticsQueries(app.Service<NpgsqlDataSource>());
        var differences = new List<string>();
        foreach (var (from, to) in Periods)
        {
            var end = StatisticsPeriod.Instant(to);
            // at the end of the period, before most late events, between them, and after all of them
            DateTimeOffset[] instants = [end, end.AddDays(20), new(2026, 1, 15, 12, 0, 0, StatisticsHistoryApp.Cst), new(2026, 6, 1, 0, 0, 0, StatisticsHistoryApp.Cst)];
            foreach (var kind in KindsCompared)
            {
                foreach (var asOf in instants)
                {
                    var period = new StatisticsPeriod(from, to, kind, asOf);
                    var (mine, theirs) = (await fast.OverviewAsync(period, default), await reference.OverviewAsync(period, default));
                    var tables = new (string Name, object Fast, object Reference)[]
                    {
                        ("summary", mine.Summary, theirs.Summary), ("sources", mine.Sources, theirs.Sources), ("offices", mine.Offices, theirs.Offices),
                        ("liaisons", mine.Liaisons, theirs.Liaisons), ("kinds", mine.Kinds, theirs.Kinds), ("statuses", mine.Statuses, theirs.Statuses),
                        ("decisions", mine.Decisions, theirs.Decisions), ("outcomes", mine.Outcomes, theirs.Outcomes),
                        ("deadlines", Rounded(mine.Deadlines), Rounded(theirs.Deadlines)), ("months", mine.Months, theirs.Months),
                        ("fields", mine.Fields, theirs.Fields),
                        ("liaison-months", await fast.LiaisonMonthsAsync(period, null, default), await reference.LiaisonMonthsAsync(period, null, default)),
                        ("outstanding", await fast.OutstandingLiaisonsAsync(period, 3, 1, default), await reference.OutstandingLiaisonsAsync(period, 3, 1, default)),
                    };
                    foreach (var (name, mineRows, theirRows) in tables)
                    {
                        count?.Invoke();
                        var (a, b) = (JsonSerializer.Serialize(mineRows), JsonSerializer.Serialize(theirRows));
                        if (a != b)
                        {
                            differences.Add($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} {kind ?? "all"} asOf {asOf:O} {name}:\n  fast      {a}\n  reference {b}");
                        }
                    }
                }
            }
        }
        return differences;
    }

    /// <summary>
    /// The average of floating-point hours depends on the order they are added in, which neither statement fixes: equal
    /// to 9 places. The median is exact in both (the same values, sorted).
    /// </summary>
    private static List<DeadlineFigures> Rounded(IReadOnlyList<DeadlineFigures> rows) =>
        [.. rows.Select(r => r with { AverageHours = r.AverageHours is { } hours ? Math.Round(hours, 9) : null })];

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql) =>
        [.. (await connection.QueryAsync(sql)).Select(row => string.Join(" | ", ((IDictionary<string, object?>)row).Select(c => $"{c.Key}={Exact(c.Value)}")))];

    private static string? Exact(object? value) => value switch
    {
        DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
