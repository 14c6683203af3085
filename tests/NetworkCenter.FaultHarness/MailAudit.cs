using Dapper;
using Npgsql;

namespace NetworkCenter.FaultHarness;

/// <summary>
/// Every email in the outbox against the SMTP server's log. SMTP cannot promise exactly-once, so a second acceptance
/// of one Message-Id is allowed only when a kill fell between the server's acceptance and the commit that records
/// it: the row was recorded sent in one attempt, after a kill that came after the earlier acceptance.
/// </summary>
internal static class MailAudit
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private sealed record OutboxRow(long Id, string IdempotencyKey, string MessageId, string Status, int Attempts, DateTime? SentAt);

    public static async Task VerifyAsync(NpgsqlDataSource database, Workload workload, IReadOnlyList<Accepted> accepted,
        IReadOnlyList<DateTimeOffset> kills, Findings findings, string run)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<OutboxRow>("""
            select id as Id, idempotency_key as IdempotencyKey, message_id as MessageId, status as Status, attempts as Attempts, sent_at as SentAt
            from supervision.mail_outbox order by id
            """)).ToList();
        var perInstance = await connection.ExecuteScalarAsync<long>("""
            select count(*) from engine.instances i join engine.definitions d on d.id = i.definition_id
            where d.key = @key and (select count(*) from supervision.mail_outbox o
                                    where o.idempotency_key like replace(i.id::text, '-', '') || ':notify:%') = 1
            """, new { key = Workload.Key });
        if (rows.Count != workload.Instances || perInstance != workload.Instances)
        {
            findings.Violation($"{run}: {rows.Count} outbox rows, {perInstance} instances with exactly one; expected {workload.Instances} of each");
        }
        foreach (var row in rows.Where(r => r.Status != "sent"))
        {
            findings.Violation($"{run}: email {row.Id} ({row.IdempotencyKey}) is {row.Status} after {row.Attempts} attempts");
        }
        var log = accepted.GroupBy(a => a.MessageId).ToDictionary(g => g.Key, g => g.Select(a => a.At).Order().ToList());
        var known = rows.Select(r => r.MessageId).ToHashSet();
        foreach (var stranger in log.Keys.Where(id => !known.Contains(id)))
        {
            findings.Violation($"{run}: the SMTP server accepted {stranger}, which no outbox row names");
        }
        var lost = rows.Where(r => !log.ContainsKey(r.MessageId)).ToList();
        foreach (var row in lost)
        {
            findings.Violation($"{run}: email {row.Id} ({row.IdempotencyKey}) never reached the SMTP server (row says {row.Status})");
        }
        var explained = 0;
        var duplicates = 0;
        foreach (var row in rows.Where(r => log.TryGetValue(r.MessageId, out var times) && times.Count > 1))
        {
            var times = log[row.MessageId];
            duplicates += times.Count - 1;
            var sentAt = row.SentAt is { } s ? new DateTimeOffset(DateTime.SpecifyKind(s, DateTimeKind.Utc)) : (DateTimeOffset?)null;
            // Each earlier acceptance must be followed by a kill before the next one, and the row must have been
            // recorded sent by a single attempt after the last such kill: the earlier acceptances were never recorded.
            // The server may finish accepting what a client sent just before it died, so an acceptance up to a second
            // after a process's death still counts as before it.
            var killsBetween = times.Zip(times.Skip(1)).Select(pair => kills.LastOrDefault(k => k >= pair.First - Slack && k <= pair.Second)).ToList();
            var ok = killsBetween.All(k => k != default) && row.Status == "sent" && row.Attempts == 1 && sentAt >= killsBetween[^1];
            if (ok)
            {
                explained += times.Count - 1;
            }
            else
            {
                findings.Violation($"{run}: {row.MessageId} ({row.IdempotencyKey}) was accepted {times.Count}× at [{string.Join(", ", times.Select(t => t.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}], " +
                    $"row {row.Status} after {row.Attempts} attempts at {sentAt:HH:mm:ss.fff}; no kill between acceptances explains it");
            }
        }
        findings.Figure($"- {run} email: {rows.Count} outbox rows, {rows.Count(r => r.Status == "sent")} sent; SMTP log {accepted.Count} acceptances of " +
            $"{log.Count} Message-Ids; {lost.Count} lost; {duplicates} second deliveries, {explained} of them explained by a kill between acceptance and the recording commit");
    }
}
