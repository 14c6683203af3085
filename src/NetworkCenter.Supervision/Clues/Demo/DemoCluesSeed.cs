using Dapper;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Seeding;
using Npgsql;

namespace NetworkCenter.Supervision.Clues.Demo;

/// <summary>
/// About sixty clues over the last four months, across the four kinds, every source and every status, from the demo
/// network's offices and liaisons — only into an empty register, after the network seed, and only in Development.
/// The same seed gives the same register, so demos and screenshots are repeatable.
/// </summary>
internal sealed class DemoCluesSeed(NpgsqlDataSource database, TimeProvider clock) : IStartupSeed
{
    public const int Count = 60;
    internal const string Actor = "demo-seed";

    public int Order => 200;

    public bool IsDemo => true;

    private sealed record Place(long Id, string Kind);

    private sealed record Person(long Id, long? OfficeId, string? Email);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("lock table supervision.clues in exclusive mode", transaction: transaction);
        if (await connection.ExecuteScalarAsync<bool>("select exists (select 1 from supervision.clues)", transaction: transaction))
        {
            return;
        }
        var places = (await connection.QueryAsync<Place>("select id as Id, kind as Kind from supervision.offices where active order by id", transaction: transaction)).ToList();
        var liaisons = (await connection.QueryAsync<Person>(
            "select id as Id, office_id as OfficeId, email as Email from supervision.liaisons where active order by id", transaction: transaction)).ToList();
        var procurators = (await connection.QueryAsync<long>("""
            select s.id from supervision.staff s join supervision.accounts a on a.id = s.account_id
            where 'handling-procurator' = any(a.roles) and s.active order by s.id
            """, transaction: transaction)).ToList();
        if (places.Count == 0 || liaisons.Count == 0)
        {
            return; // no demo network to give the clues a source
        }
        var random = new Random(2026);
        var now = clock.UtcNow();
        var registered = new List<(long Id, string Kind)>();
        for (var i = 0; i < Count; i++)
        {
            var received = now.AddDays(-120 + i * 2).AddHours(-random.Next(0, 8));
            var (clue, source) = Invent(i, random, places, liaisons);
            if (source.Kind == SourceKinds.Email)
            {
                clue = clue with { Kind = null, PublicInterestArea = null };
            }
            var id = await NewClueRows.InsertDraftAsync(connection, transaction, clue, source, received, [], Actor, now, "received");
            if (i % 20 == 19)
            {
                continue; // a few drafts from the mailbox wait for confirmation
            }
            await RegisterNumbers.AssignAsync(connection, transaction, id, Actor, now, null);
            registered.Add((id, clue.Kind!));
            await MoveAlongAsync(connection, transaction, id, clue.Kind!, i, random, procurators, now);
        }
        // The two latest judgment clues repeat the two earliest and are merged into them, so the demo shows merges
        // with both sources kept.
        var judgments = registered.Where(r => r.Kind == ClueKinds.JudgmentSupervision).Select(r => r.Id).ToList();
        foreach (var (duplicate, target) in new[] { (judgments[^1], judgments[0]), (judgments[^2], judgments[1]) })
        {
            var status = await connection.ExecuteScalarAsync<string>("select status from supervision.clues where id = @duplicate", new { duplicate }, transaction);
            await connection.ExecuteAsync("""
                update supervision.clues d set court = t.court, case_number = t.case_number, court_key = t.court_key,
                    case_number_key = t.case_number_key, status = 'merged', merged_into_id = t.id
                from supervision.clues t where d.id = @duplicate and t.id = @target;
                update supervision.clue_sources set clue_id = @target where clue_id = @duplicate;
                """, new { duplicate, target }, transaction);
            await StatusHistory.AppendAsync(connection, transaction, duplicate, status, ClueStatuses.Merged, Actor, now, "merged into an earlier clue of the same case");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static (ClueInput Clue, NewClueRows.Source Source) Invent(int i, Random random, List<Place> places, List<Person> liaisons)
    {
        var kind = (i % 10) switch
        {
            0 or 1 or 2 or 3 or 4 => ClueKinds.JudgmentSupervision,
            5 => ClueKinds.JudicialMisconduct,
            6 or 7 or 8 => ClueKinds.PublicInterest,
            _ => ClueKinds.OutsideJurisdiction,
        };
        var area = kind == ClueKinds.PublicInterest ? DemoClues.PublicInterest.Keys.ElementAt(i % DemoClues.PublicInterest.Count) : null;
        var summary = area is null ? Pick(DemoClues.Summaries[kind], random) : Pick(DemoClues.PublicInterest[area], random);
        var person = Pick(DemoClues.Surnames, random) + Pick(DemoClues.GivenNames, random);
        var company = Pick(DemoClues.Companies, random);
        var withCase = kind is ClueKinds.JudgmentSupervision or ClueKinds.JudicialMisconduct;
        var year = 2024 + i % 2;
        var clue = new ClueInput(
            null, null, null, null, null, kind, area,
            [
                new PartyInput("applicant", "natural", person, null, $"138{random.Next(10000000, 99999999)}", null, "青禾县某乡某村"),
                new PartyInput("respondent", "legal", company, null, null, null, null),
            ],
            withCase ? Pick(DemoClues.Courts, random) : null,
            withCase ? $"({year})豫0{random.Next(100, 999)}民初{random.Next(100, 3000)}号" : null,
            withCase ? new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)) : null,
            withCase ? Pick(DemoClues.Judges, random) : null,
            withCase ? [new AgentInput(Pick(DemoClues.Surnames, random) + "律师", Pick(DemoClues.Firms, random), null)] : null,
            summary,
            kind == ClueKinds.OutsideJurisdiction ? null : random.Next(2, 400) * 5000m,
            kind == ClueKinds.JudicialMisconduct ? new ReporterInput(Pick(DemoClues.Surnames, random) + "某", null, "13900000000", null) : null);
        var liaison = liaisons[i % liaisons.Count];
        var source = (i % 20 == 19 ? 6 : i % 7) switch
        {
            0 or 1 or 2 => new NewClueRows.Source(SourceKinds.Liaison, liaison.OfficeId, liaison.Id, null),
            3 => Office(places, SourceKinds.LiaisonOffice, i),
            4 => Office(places, SourceKinds.ReportingPoint, i),
            5 => new NewClueRows.Source(i % 2 == 0 ? "walk-in" : "12309", null, null, null),
            _ when i % 20 == 19 => new NewClueRows.Source(SourceKinds.Email, liaison.OfficeId, liaison.Id, liaison.Email),
            _ => new NewClueRows.Source(i % 3 == 0 ? "letter" : SourceKinds.Transfer, null, null, i % 3 == 0 ? null : "县信访局"),
        };
        return (clue, source);
    }

    private static NewClueRows.Source Office(List<Place> places, string kind, int i)
    {
        var matching = places.Where(p => p.Kind == kind).ToList();
        var place = matching.Count > 0 ? matching[i % matching.Count] : places[i % places.Count];
        return new NewClueRows.Source(place.Kind, place.Id, null, null);
    }

    /// <summary>Older clues are further along: triage, assignment, review and a filing decision, or referral.</summary>
    private static async Task MoveAlongAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string kind, int i,
        Random random, List<long> procurators, DateTimeOffset now)
    {
        string[] path = kind == ClueKinds.OutsideJurisdiction
            ? ["triage", "referred", "closed"]
            : ["triage", "assigned", "under-review", i % 3 == 0 ? "not-filed" : "filed", "closed"];
        var steps = Math.Min(path.Length, (Count - i) / 10 + random.Next(0, 2));
        var from = ClueStatuses.Registered;
        for (var s = 0; s < steps; s++)
        {
            var to = path[s];
            long? procurator = to == "assigned" && procurators.Count > 0 ? procurators[i % procurators.Count] : null;
            await connection.ExecuteAsync("""
                update supervision.clues set status = @to, assigned_procurator_id = coalesce(@procurator, assigned_procurator_id) where id = @id
                """, new { id, to, procurator }, transaction);
            await StatusHistory.AppendAsync(connection, transaction, id, from, to, Actor, now, null);
            from = to;
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
