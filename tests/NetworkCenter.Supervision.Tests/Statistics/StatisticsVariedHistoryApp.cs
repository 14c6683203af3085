using Dapper;
using NetworkCenter.Supervision.Clues;
using NetworkCenter.Testing;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>
/// A varied history of 2025-11 to 2026-02 (CST), drawn from a fixed seed, for comparing the statistics' derived tables
/// (clue_adoptions, task_deadlines) with the from-scratch recomputation: 60 clues from every channel, three drafts,
/// status changes and decisions landing weeks or months after the clue's month (written in shuffled order, so a later
/// row often comes in before an earlier one), outcomes with corrections, merges through the service, a decision
/// changed, one revoked and one moved to another clue, status history moved and removed, and procedure tasks created
/// open, then completed on time, late or after the last @asOf, cancelled, given a new due date or none.
/// </summary>
public sealed class StatisticsVariedHistoryApp : NetworkCenterApp
{
    private static readonly DateTime Start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, StatisticsHistoryApp.Cst).UtcDateTime;

    private static readonly string[] Kinds = ["judgment-supervision", "judicial-misconduct", "public-interest", "outside-jurisdiction"];
    private static readonly string[] Areas = ["land", "bankruptcy-restructuring", "improper-fees", "pollution", "other"];
    private static readonly string[] Channels = ["liaison", "liaison-office", "reporting-point", "walk-in", "letter", "12309"];

    public IReadOnlyList<long> Clues { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // the host migrates the database as it starts
        _ = Service<NpgsqlDataSource>();
        var random = new Random(20251101);
        await using var connection = await OpenConnectionAsync();
        var offices = new List<long>();
        var liaisons = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            offices.Add(await connection.ExecuteScalarAsync<long>("""
                insert into supervision.offices (kind, name, host_unit_kind, host_unit, created_at, updated_at)
                values (case when @i % 2 = 0 then 'liaison-office' else 'reporting-point' end, '对照联络室' || @i, 'other', '测试', now(), now())
                returning id
                """, new { i }));
        }
        for (var i = 0; i < 6; i++)
        {
            liaisons.Add(await connection.ExecuteScalarAsync<long>("""
                insert into supervision.liaisons (name, unit, office_id, created_at, updated_at)
                values ('对照联络员' || @i, '测试单位', @office, now(), now()) returning id
                """, new { i, office = offices[i % 3] }));
        }

        var clues = new List<(long Id, DateTime Received)>();
        for (var n = 1; n <= 63; n++)
        {
            // two on each side of the new year, CST; the rest anywhere in the four months
            var received = n switch
            {
                1 => new DateTimeOffset(2025, 12, 31, 23, 59, 0, StatisticsHistoryApp.Cst).UtcDateTime,
                2 => new DateTimeOffset(2026, 1, 1, 0, 0, 0, StatisticsHistoryApp.Cst).UtcDateTime,
                _ => Start.AddMinutes(random.Next(0, 119 * 24 * 60)),
            };
            var draft = n > 60;
            var kind = Kinds[random.Next(Kinds.Length)];
            var channel = draft ? "email" : Channels[random.Next(Channels.Length)];
            long? office = channel is "liaison-office" or "reporting-point" ? offices[random.Next(offices.Count)] : null;
            long? liaison = channel is "liaison" or "liaison-office" or "reporting-point" ? liaisons[random.Next(liaisons.Count)] : null;
            var id = await connection.ExecuteScalarAsync<long>("""
                insert into supervision.clues (register_year, register_seq, register_number, status, source_kind, office_id, liaison_id,
                    received_at, kind, public_interest_area, summary, created_by, created_at, updated_at)
                values (case when @draft then null else 2030 end, case when @draft then null else @n end,
                        case when @draft then null else '2030-' || @n end, case when @draft then 'draft' else 'registered' end,
                        @channel, @office, @liaison, @received, case when @draft then null else @kind end,
                        case when not @draft and @kind = 'public-interest' then @area end, '对照线索', 'seed', @received, @received)
                returning id
                """, new { n, draft, channel, office, liaison, received, kind, area = Areas[random.Next(Areas.Length)] });
            await connection.ExecuteAsync("""
                insert into supervision.clue_sources (clue_id, original_clue_id, source_kind, office_id, liaison_id, received_at)
                values (@id, @id, @channel, @office, @liaison, @received)
                """, new { id, channel, office, liaison, received });
            clues.Add((id, received));
        }
        Clues = [.. clues.Select(c => c.Id)];
        var registered = clues.Take(60).ToList();

        var events = new List<(string Sql, object Parameters)>();
        foreach (var (id, received) in registered)
        {
            var (status, after) = random.Next(6) switch
            {
                0 => ("filed", random.Next(2, 100)),
                1 => ("protest-proposed", random.Next(2, 100)),
                2 => ("not-filed", random.Next(2, 60)),
                3 => ("under-review", random.Next(2, 30)),
                _ => ("triage", 1),
            };
            var at = received.AddDays(after).AddMinutes(random.Next(0, 600));
            events.Add(("update supervision.clues set status = @status where id = @id", new { id, status }));
            events.Add(("insert into supervision.clue_status_history (clue_id, from_status, to_status, actor, at) values (@id, null, 'registered', 'seed', @received)",
                new { id, received }));
            events.Add(("insert into supervision.clue_status_history (clue_id, from_status, to_status, actor, at) values (@id, 'triage', @status, 'seed', @at)",
                new { id, status, at }));
            if (status is "filed" or "not-filed" || random.Next(4) == 0)
            {
                // the decision before or after the status change, sometimes the other way from it
                var decision = status == "not-filed" ? "not-file" : random.Next(5) == 0 ? "argumentation" : random.Next(6) == 0 ? "not-file" : "file";
                events.Add(("""
                    insert into supervision.clue_decisions (clue_id, instance_id, decider_role, decided_by, decision, decided_at)
                    values (@id, gen_random_uuid(), 'handling-procurator', 'seed', @decision, @decided)
                    """, new { id, decision, decided = at.AddDays(random.Next(-10, 20)) }));
            }
            if (status is "filed" or "protest-proposed" && random.Next(2) == 0)
            {
                var count = random.Next(1, 3);
                for (var k = 0; k < count; k++)
                {
                    var correction = k == 1 && random.Next(2) == 0;
                    events.Add(("""
                        insert into supervision.clue_outcomes (clue_id, kind, amount_recovered, loss_avoided, recorded_by, recorded_at)
                        values (@id, @kind, @recovered, @avoided, 'seed', @recorded)
                        """, new
                    {
                        id, kind = correction ? "correction" : "suggestion-adopted",
                        recovered = correction ? -random.Next(1, 500) * 1.25m : random.Next(0, 90000) * 1.5m,
                        avoided = correction ? 0m : random.Next(0, 3) * 10000m, recorded = at.AddDays(random.Next(1, 120)),
                    }));
                }
            }
        }
        foreach (var (sql, parameters) in events.OrderBy(_ => random.Next()))
        {
            await connection.ExecuteAsync(sql, parameters);
        }
        await ChangeTheRecordAsync(connection, registered.Select(c => c.Id).ToList(), random);
        await SeedTasksAsync(connection, registered, random);
    }

    /// <summary>Merges through the service, then rows changed, moved and removed behind the domain's back.</summary>
    private async Task ChangeTheRecordAsync(NpgsqlConnection connection, List<long> registered, Random random)
    {
        var merge = Service<MergeDuplicates>();
        foreach (var (duplicate, target) in new[] { (registered[5], registered[40]), (registered[11], registered[3]), (registered[23], registered[50]), (registered[30], registered[3]) })
        {
            Assert.IsType<MergeOutcome.Merged>(await merge.HandleAsync(duplicate, target, "seed", CancellationToken.None));
        }
        var decisions = (await connection.QueryAsync<(long Id, long ClueId, string Decision)>(
            "select id, clue_id, decision from supervision.clue_decisions order by id")).ToList();
        var notFile = decisions.First(d => d.Decision == "not-file");
        var files = decisions.Where(d => d.Decision == "file").ToList();
        await connection.ExecuteAsync("""
            update supervision.clue_decisions set decision = 'file', decided_at = decided_at + interval '35 days' where id = @changed;
            delete from supervision.clue_decisions where id = @revoked;
            update supervision.clue_decisions set clue_id = @to where id = @moved;
            """, new { changed = notFile.Id, revoked = files[0].Id, moved = files[1].Id, to = registered[random.Next(registered.Count)] });
        var adopting = (await connection.QueryAsync<long>(
            "select id from supervision.clue_status_history where to_status in ('filed', 'protest-proposed') order by id")).ToList();
        await connection.ExecuteAsync("""
            update supervision.clue_status_history set at = at + interval '40 days' where id = @later;
            update supervision.clue_status_history set at = at - interval '15 days' where id = @earlier;
            delete from supervision.clue_status_history where id = @removed;
            """, new { later = adopting[0], earlier = adopting[1], removed = adopting[2] });
    }

    private static async Task SeedTasksAsync(NpgsqlConnection connection, List<(long Id, DateTime Received)> clues, Random random)
    {
        var keys = new[] { "review-and-discussion", "rapid-response", "clue-intake" };
        var tasks = new List<(Guid Id, DateTime Created, DateTime Due)>();
        foreach (var (clue, received) in clues.Where((_, i) => i % 2 == 0).Append((0L, Start.AddDays(3))))
        {
            var key = keys[random.Next(keys.Length)];
            var definition = await connection.ExecuteScalarAsync<Guid?>(
                "select id from engine.definitions where key = @key order by version desc limit 1", new { key })
                ?? await connection.ExecuteScalarAsync<Guid>("""
                    insert into engine.definitions (id, key, version, xml, content_hash, deployed_at)
                    values (gen_random_uuid(), @key, 1, '<definitions/>', md5(@key), now()) returning id
                    """, new { key });
            // clue 0: a business key that is not a clue
            var instance = await connection.ExecuteScalarAsync<Guid>("""
                insert into engine.instances (id, definition_id, business_key, status, started_at, ended_at)
                values (gen_random_uuid(), @definition, case when @clue = 0 then 'not-a-clue' else @clue::text end, 'completed', now(), now()) returning id
                """, new { definition, clue });
            var count = random.Next(1, 4);
            for (var k = 0; k < count; k++)
            {
                var created = received.AddHours(random.Next(0, 40 * 24));
                var due = created.AddHours(random.Next(24, 15 * 24));
                var id = Guid.NewGuid();
                await connection.ExecuteAsync("""
                    insert into engine.tasks (id, instance_id, execution_id, element_id, name, due_at, status, created_at)
                    values (@id, @instance, gen_random_uuid(), @element, @element, @due, 'open', @created)
                    """, new { id, instance, element = k == 0 ? "Review" : k == 1 ? "Discussion" : "ContactLiaison", due, created });
                tasks.Add((id, created, due));
            }
        }
        foreach (var (id, created, due) in tasks.OrderBy(_ => random.Next()))
        {
            var sql = random.Next(10) switch
            {
                < 4 => "update engine.tasks set status = 'completed', completed_by = 'seed', completed_at = @created + (@due - @created) * 0.5 where id = @id",
                < 6 => "update engine.tasks set status = 'completed', completed_by = 'seed', completed_at = @due + interval '3 days 5 hours' where id = @id",
                6 => "update engine.tasks set status = 'completed', completed_by = 'seed', completed_at = timestamptz '2026-05-10 10:00+08' where id = @id",
                7 => "update engine.tasks set status = 'cancelled' where id = @id",
                8 => "update engine.tasks set due_at = due_at + interval '20 days', assignee = 'seed' where id = @id",
                _ => "update engine.tasks set assignee = 'seed' where id = @id",
            };
            await connection.ExecuteAsync(sql, new { id, created, due });
        }
        await connection.ExecuteAsync("update engine.tasks set due_at = null where id = @id", new { tasks[0].Id });
        await connection.ExecuteAsync("insert into engine.tasks (id, instance_id, execution_id, element_id, name, status, created_at) " +
            "select gen_random_uuid(), instance_id, gen_random_uuid(), 'Late', 'Late', 'open', created_at from engine.tasks where id = @id", new { tasks[1].Id });
        await connection.ExecuteAsync("update engine.tasks set due_at = created_at + interval '2 days' where element_id = 'Late'");
    }
}
