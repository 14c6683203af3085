using System.Text.Json;
using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Audit;

/// <summary>Who did something: an account, or the system itself (seeding, a lock period running out).</summary>
internal sealed record Actor(long? AccountId, string Name)
{
    public static Actor System { get; } = new(null, "system");
}

/// <summary>
/// The journal of every state change of the network, written in the same transaction as the change so that one
/// never exists without the other.
/// </summary>
internal static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset at, Actor actor, string action, string subject,
        object? details = null) =>
        connection.ExecuteAsync(
            """
            insert into supervision.audit_log (at, actor_id, actor, action, subject, details)
            values (@at, @actorId, @actor, @action, @subject, @details::jsonb)
            """,
            new { at, actorId = actor.AccountId, actor = actor.Name, action, subject, details = JsonSerializer.Serialize(details ?? new { }, Json) },
            transaction);
}
