using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Mail.Outbox;

/// <summary>
/// What the outbox still holds: mail queued for its first attempt, mail failing and waiting for its next one (with the
/// last error), mail given up on, and what went out today. Shown to administrators and, when old, by <c>/health</c>.
/// </summary>
public sealed class MailBacklog(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>The center works on China Standard Time: "today" starts at midnight there.</summary>
    private static readonly TimeSpan CenterOffset = TimeSpan.FromHours(8);

    public async Task<Summary> GetAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var local = now.ToOffset(CenterOffset);
        var today = new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, CenterOffset);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<Counts>(new CommandDefinition("""
            select count(*) filter (where status = 'pending' and attempts = 0)::int as Queued,
                   count(*) filter (where status = 'pending' and attempts > 0)::int as Failing,
                   count(*) filter (where status = 'failed')::int as GivenUp,
                   min(created_at) filter (where status = 'pending') as OldestPendingSince
            from supervision.mail_outbox where status <> 'sent'
            """, cancellationToken: cancellationToken));
        var deliveredToday = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from supervision.mail_outbox where status = 'sent' and sent_at >= @today",
            new { today = today.UtcDateTime }, cancellationToken: cancellationToken));
        var items = (await connection.QueryAsync<Item>(new CommandDefinition("""
            select id, status, recipient_address as RecipientAddress, subject, template, attempts, last_error as LastError,
                   next_attempt_at as NextAttemptAt, created_at as CreatedAt
            from supervision.mail_outbox where status <> 'sent'
            order by (status = 'failed') desc, attempts desc, created_at, id
            limit @limit
            """, new { limit }, cancellationToken: cancellationToken))).ToList();
        DateTimeOffset? oldest = counts.OldestPendingSince is { } since ? new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)) : null;
        return new Summary(counts.Queued, counts.Failing, counts.GivenUp, deliveredToday, oldest, now, items);
    }

    public sealed record Summary(
        int Queued, int Failing, int GivenUp, int DeliveredToday, DateTimeOffset? OldestPendingSince, DateTimeOffset Now, IReadOnlyList<Item> Items)
    {
        /// <summary>How long the oldest undelivered message has waited.</summary>
        public TimeSpan OldestAge => OldestPendingSince is { } since ? Now - since : TimeSpan.Zero;
    }

    public sealed record Item(
        long Id, string Status, string RecipientAddress, string Subject, string Template, int Attempts, string? LastError,
        DateTime NextAttemptAt, DateTime CreatedAt);

    private sealed record Counts(int Queued, int Failing, int GivenUp, DateTime? OldestPendingSince);
}
