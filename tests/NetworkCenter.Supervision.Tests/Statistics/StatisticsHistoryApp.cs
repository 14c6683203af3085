using System.Net.Http.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;
using Npgsql;

namespace NetworkCenter.Supervision.Tests.Statistics;

/// <summary>
/// A known history around March 2026 (CST), written with SQL where it is the past and through the API where staff act
/// now, so every figure of the month can be checked against numbers worked out by hand in StatisticsFiguresFacts.
/// <code>
/// clue  received (CST)   kind / area                  source (liaison, office)       status / adoption
/// C1    03-03 10:00      judgment-supervision         liaison L1                     filed; decision file 03-10
/// C2    03-05 10:00      public-interest land         liaison L1                     not-filed; decision not-file 03-12
/// C3    03-08 10:00      public-interest pollution    liaison-office O1 (L2)         protest-proposed 03-20
/// C4    03-10 10:00      judgment-supervision         reporting-point O2 (L3)        under-review
/// C5    03-12 10:00      judgment-supervision         liaison L3                     merged into C1 (its source moves)
/// C6    03-31 23:30      judicial-misconduct          walk-in                        registered
/// C7    04-01 00:10      public-interest land         letter                         filed 04-02 (April: outside March)
/// C8    02-15 10:00      public-interest land         12309                          registered
/// C9    02-20 10:00      public-interest pollution    walk-in                        registered
/// C10   02-21 10:00      public-interest pollution    walk-in                        registered
/// C11   03-15 10:00      (draft from the mailbox)     email                          draft: never counted
/// C12   03-20 10:00      public-interest fees         liaison L2                     filed 04-05 (after 04-01)
/// Outcomes (API, clock 03-25): C1 suggestion-adopted 120000.50 recovered; C1 correction -0.50; C3 protest-proposed
/// 50000 loss avoided. SQL: C12 other 8000 recovered on 04-06.
/// Tasks (review-and-discussion on C1/C4, rapid-response on C3): see <see cref="SeedTasksAsync"/>.
/// </code>
/// </summary>
public sealed class StatisticsHistoryApp : NetworkCenterApp
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public long O1 { get; private set; }
    public long O2 { get; private set; }
    public TestAccount L1 { get; private set; } = null!;
    public long L2 { get; private set; }
    public long L3 { get; private set; }
    public IReadOnlyDictionary<string, long> Clues { get; private set; } = new Dictionary<string, long>();

    public static DateTime At(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, Cst).UtcDateTime;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        L1 = await this.CreateAccountAsync(Roles.Liaison);
        await using var connection = await OpenConnectionAsync();
        O1 = await OfficeAsync(connection, "城关法律监督联络室", "liaison-office");
        O2 = await OfficeAsync(connection, "桥头法律监督联络点", "reporting-point");
        await connection.ExecuteAsync("update supervision.liaisons set office_id = @O1, name = '联络员甲' where id = @id", new { O1, id = L1.LiaisonId });
        L2 = await LiaisonAsync(connection, "联络员乙", O1);
        L3 = await LiaisonAsync(connection, "联络员丙", O2);
        var clues = new Dictionary<string, long>
        {
            ["C1"] = await ClueAsync(connection, 1, At(3, 3, 10), "judgment-supervision", null, "filed", "liaison", null, L1.LiaisonId),
            ["C2"] = await ClueAsync(connection, 2, At(3, 5, 10), "public-interest", "land", "not-filed", "liaison", null, L1.LiaisonId),
            ["C3"] = await ClueAsync(connection, 3, At(3, 8, 10), "public-interest", "pollution", "protest-proposed", "liaison-office", O1, L2),
            ["C4"] = await ClueAsync(connection, 4, At(3, 10, 10), "judgment-supervision", null, "under-review", "reporting-point", O2, L3),
            ["C6"] = await ClueAsync(connection, 6, At(3, 31, 23, 30), "judicial-misconduct", null, "registered", "walk-in", null, null),
            ["C7"] = await ClueAsync(connection, 7, At(4, 1, 0, 10), "public-interest", "land", "filed", "letter", null, null),
            ["C8"] = await ClueAsync(connection, 8, At(2, 15, 10), "public-interest", "land", "registered", "12309", null, null),
            ["C9"] = await ClueAsync(connection, 9, At(2, 20, 10), "public-interest", "pollution", "registered", "walk-in", null, null),
            ["C10"] = await ClueAsync(connection, 10, At(2, 21, 10), "public-interest", "pollution", "registered", "walk-in", null, null),
            ["C11"] = await ClueAsync(connection, null, At(3, 15, 10), null, null, "draft", "email", null, null),
            ["C12"] = await ClueAsync(connection, 12, At(3, 20, 10), "public-interest", "improper-fees", "filed", "liaison", null, L2),
        };
        clues["C5"] = await ClueAsync(connection, 5, At(3, 12, 10), "judgment-supervision", null, "merged", "liaison", null, L3, mergedInto: clues["C1"]);
        Clues = clues;
        await connection.ExecuteAsync("""
            insert into supervision.clue_status_history (clue_id, from_status, to_status, actor, at) values
                (@C1, 'under-review', 'filed', 'seed', @c1Filed),
                (@C3, 'under-review', 'protest-proposed', 'seed', @c3Protest),
                (@C7, 'under-review', 'filed', 'seed', @c7Filed),
                (@C12, 'under-review', 'filed', 'seed', @c12Filed),
                (@C2, 'under-review', 'not-filed', 'seed', @c2NotFiled);
            insert into supervision.clue_decisions (clue_id, instance_id, decider_role, decided_by, decision, decided_at) values
                (@C1, gen_random_uuid(), 'handling-procurator', 'seed', 'file', @c1Filed),
                (@C2, gen_random_uuid(), 'chief-procurator', 'seed', 'not-file', @c2NotFiled),
                (@C7, gen_random_uuid(), 'handling-procurator', 'seed', 'file', @c7Filed);
            insert into supervision.clue_outcomes (clue_id, kind, amount_recovered, loss_avoided, recorded_by, recorded_at)
                values (@C12, 'other', 8000, 0, 'seed', @c12Outcome);
            """, new
        {
            C1 = clues["C1"], C2 = clues["C2"], C3 = clues["C3"], C7 = clues["C7"], C12 = clues["C12"],
            c1Filed = At(3, 10, 15), c3Protest = At(3, 20, 15), c7Filed = At(4, 2, 15), c12Filed = At(4, 5, 15),
            c2NotFiled = At(3, 12, 15), c12Outcome = At(4, 6, 15),
        });
        await SeedTasksAsync(connection);

        Service<ManualClock>().Advance(new DateTimeOffset(2026, 3, 25, 9, 0, 0, Cst) - Service<ManualClock>().GetUtcNow());
        using var admin = await SignedInClientAsync();
        foreach (var (clue, body) in new (string, object)[]
        {
            ("C1", new { kind = "suggestion-adopted", amountRecovered = 120000.50m, note = "检察建议被采纳，追回国有资金" }),
            ("C1", new { kind = "correction", amountRecovered = -0.50m, note = "更正：追回金额为 120000 元" }),
            ("C3", new { kind = "protest-proposed", lossAvoided = 50000m }),
        })
        {
            (await admin.PostAsJsonAsync($"/api/clues/{clues[clue]}/outcomes", body)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// review-and-discussion on C1 and C4, rapid-response on C3; due dates and completions (CST, asOf 04-01 00:00):
    /// Review   R1 C1 03-03 09:00 due 03-18 09:00 done 03-10 09:00 (168 h, on time)
    ///          R2 C4 03-10 09:00 due 03-25 09:00 done 03-27 09:00 (408 h, late)
    ///          R3 C1 03-12 09:00 due 03-27 09:00 done 03-13 09:00 (24 h, on time)
    ///          R4 C4 03-20 09:00 due 03-27 09:00 open (overdue)
    ///          R5 C4 03-30 09:00 due 04-14 09:00 done 04-02 09:00 (after asOf: open, not overdue)
    /// Discussion D1 C1 03-28 09:00 due 04-04 09:00 open (not overdue)
    /// ContactLiaison W1 03-02 09:00 due 03-06 09:00 done 03-06 09:00 (96 h, on time to the minute); W2 cancelled;
    ///          W3 02-27 09:00 (February). Not weekly-collection: the host starts real ones as the clock moves.
    /// </summary>
    private async Task SeedTasksAsync(NpgsqlConnection connection)
    {
        var review = await InstanceAsync(connection, "review-and-discussion", Clues["C1"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var review4 = await InstanceAsync(connection, "review-and-discussion", Clues["C4"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rapid = await InstanceAsync(connection, "rapid-response", Clues["C3"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        (Guid Instance, string Element, DateTime Created, DateTime? Due, string Status, DateTime? Done)[] tasks =
        [
            (review, "Review", At(3, 3, 9), At(3, 18, 9), "completed", At(3, 10, 9)),
            (review4, "Review", At(3, 10, 9), At(3, 25, 9), "completed", At(3, 27, 9)),
            (review, "Review", At(3, 12, 9), At(3, 27, 9), "completed", At(3, 13, 9)),
            (review4, "Review", At(3, 20, 9), At(3, 27, 9), "open", null),
            (review4, "Review", At(3, 30, 9), At(4, 14, 9), "completed", At(4, 2, 9)),
            (review, "Discussion", At(3, 28, 9), At(4, 4, 9), "open", null),
            (rapid, "ContactLiaison", At(3, 2, 9), At(3, 6, 9), "completed", At(3, 6, 9)),
            (rapid, "ContactLiaison", At(3, 9, 9), At(3, 13, 9), "cancelled", null),
            (rapid, "ContactLiaison", At(2, 27, 9), At(3, 3, 9), "completed", At(3, 2, 9)),
        ];
        foreach (var task in tasks)
        {
            await connection.ExecuteAsync("""
                insert into engine.tasks (id, instance_id, execution_id, element_id, name, due_at, status, created_at, completed_by, completed_at)
                values (gen_random_uuid(), @Instance, gen_random_uuid(), @Element, @Element, @Due, @Status, @Created,
                        case when @Done::timestamptz is null then null else 'seed' end, @Done)
                """, new { task.Instance, task.Element, task.Due, task.Status, task.Created, task.Done });
        }
    }

    private static async Task<Guid> InstanceAsync(NpgsqlConnection connection, string key, string businessKey)
    {
        var definition = await connection.ExecuteScalarAsync<Guid?>("select id from engine.definitions where key = @key", new { key })
            ?? await connection.ExecuteScalarAsync<Guid>("""
                insert into engine.definitions (id, key, version, xml, content_hash, deployed_at)
                values (gen_random_uuid(), @key, 1, '<definitions/>', md5(@key), now()) returning id
                """, new { key });
        return await connection.ExecuteScalarAsync<Guid>("""
            insert into engine.instances (id, definition_id, business_key, status, started_at, ended_at)
            values (gen_random_uuid(), @definition, @businessKey, 'completed', now(), now()) returning id
            """, new { definition, businessKey });
    }

    private static Task<long> OfficeAsync(NpgsqlConnection connection, string name, string kind) =>
        connection.ExecuteScalarAsync<long>("""
            insert into supervision.offices (kind, name, host_unit_kind, host_unit, created_at, updated_at)
            values (@kind, @name, 'other', '测试', now(), now()) returning id
            """, new { kind, name });

    private static Task<long> LiaisonAsync(NpgsqlConnection connection, string name, long office) =>
        connection.ExecuteScalarAsync<long>("""
            insert into supervision.liaisons (name, unit, office_id, created_at, updated_at)
            values (@name, '测试单位', @office, now(), now()) returning id
            """, new { name, office });

    /// <summary>A clue and its first source; a merged clue's source is moved to the clue it was merged into.</summary>
    private static async Task<long> ClueAsync(NpgsqlConnection connection, int? seq, DateTime receivedAt, string? kind, string? area,
        string status, string source, long? office, long? liaison, long? mergedInto = null)
    {
        var number = seq is null ? null : $"2026-{seq:0000}";
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into supervision.clues (register_year, register_seq, register_number, status, source_kind, office_id, liaison_id,
                received_at, kind, public_interest_area, summary, merged_into_id, created_by, created_at, updated_at)
            values (case when @seq::int is null then null else 2026 end, @seq, @number, @status, @source, @office, @liaison,
                @receivedAt, @kind, @area, '统计测试线索', @mergedInto, 'seed', @receivedAt, @receivedAt)
            returning id
            """, new { seq, number, status, source, office, liaison, receivedAt, kind, area, mergedInto });
        await connection.ExecuteAsync("""
            insert into supervision.clue_sources (clue_id, original_clue_id, source_kind, office_id, liaison_id, received_at)
            values (coalesce(@mergedInto, @id), @id, @source, @office, @liaison, @receivedAt)
            """, new { id, mergedInto, source, office, liaison, receivedAt });
        return id;
    }
}
