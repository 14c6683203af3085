using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Audit;

/// <summary>One journaled change: when, by whom, what, to which record, with its details.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, long? ActorId, string Actor, string Action, string Subject, JsonElement Details);

/// <summary>Reads the journal, newest first, filtered by subject (<c>office:12</c>), action, actor and time.</summary>
internal sealed class FindAuditEntries(NpgsqlDataSource database)
{
    public sealed record Query(
        string? Subject = null, string? Action = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
        int? Page = null, int? PageSize = null);

    private sealed record Row
    {
        public long Id { get; init; }
        public DateTime At { get; init; }
        public long? ActorId { get; init; }
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Details { get; init; } = "{}";
    }

    public async Task<Outcome<Paged<AuditEntry>>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Check(errors, query.Page, query.PageSize);
        if (query.From > query.To)
        {
            errors.Add("to", FieldMessages.BeforeFrom());
        }
        if (errors.Any)
        {
            return errors;
        }
        const string Where =
            """
            where (@subject::text is null or subject = @subject)
              and (@action::text is null or action = @action)
              and (@actor::text is null or lower(actor) = lower(@actor))
              and (@from::timestamptz is null or at >= @from)
              and (@to::timestamptz is null or at < @to)
            """;
        var parameters = new
        {
            subject = query.Subject, action = query.Action, actor = query.Actor, from = query.From?.ToUniversalTime(), to = query.To?.ToUniversalTime(),
            paging.Limit, paging.Offset,
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>("select count(*) from supervision.audit_log " + Where, parameters);
        var rows = await connection.QueryAsync<Row>(
            "select id, at, actor_id as ActorId, actor, action, subject, details::text as Details from supervision.audit_log " + Where +
            " order by id desc limit @Limit offset @Offset", parameters);
        return new Paged<AuditEntry>(
            [.. rows.Select(r => new AuditEntry(r.Id, r.At.AsInstant(), r.ActorId, r.Actor, r.Action, r.Subject, JsonDocument.Parse(r.Details).RootElement.Clone()))],
            total, paging.Page, paging.PageSize);
    }
}
