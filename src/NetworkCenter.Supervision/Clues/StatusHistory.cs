using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>The append-only journal of a clue's status: who moved it, when, from what to what, and why.</summary>
internal static class StatusHistory
{
    /// <summary>Times are UTC <see cref="DateTime"/>s, as Npgsql reads timestamptz.</summary>
    public sealed record Entry(string? FromStatus, string ToStatus, string Actor, DateTime At, string? Note);

    public static Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId, string? from, string to,
        string actor, DateTimeOffset at, string? note) =>
        connection.ExecuteAsync("""
            insert into supervision.clue_status_history (clue_id, from_status, to_status, actor, at, note)
            values (@clueId, @from, @to, @actor, @at, @note)
            """, new { clueId, from, to, actor, at, note }, transaction);

    public static async Task<IReadOnlyList<Entry>> ReadAsync(NpgsqlConnection connection, long clueId) =>
        [.. await connection.QueryAsync<Entry>("""
            select from_status as FromStatus, to_status as ToStatus, actor as Actor, at as At, note as Note
            from supervision.clue_status_history where clue_id = @clueId order by id
            """, new { clueId })];
}
