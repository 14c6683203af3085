using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

internal sealed record Participant(long Id, string Name, string Email, string Language, string Username);

internal static class Participants
{
    public static async Task<IReadOnlyList<Participant>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<long> ids) =>
        [.. await connection.QueryAsync<Participant>("""
            select l.id as Id, l.name as Name, l.email as Email, l.language as Language, a.username as Username
            from supervision.liaisons l join supervision.accounts a on a.id = l.account_id
            where l.id = any(@ids) order by l.id
            """, new { ids = ids.ToArray() }, transaction)];
}
