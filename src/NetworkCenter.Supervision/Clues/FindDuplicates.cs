using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// Clues already in the register for the same matter: the same court and case number, or a party with the same name or
/// ID number before the same court. Merged clues are not candidates (their survivor is).
/// </summary>
internal static class FindDuplicates
{
    public sealed record Candidate(long Id, string? RegisterNumber, string Status, string? Court, string? CaseNumber, string MatchedOn);

    public static async Task<IReadOnlyList<Candidate>> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClueInput clue, long? excludeId = null)
    {
        var courtKey = ClueKeys.Of(clue.Court);
        if (courtKey is null)
        {
            return [];
        }
        var parties = clue.Parties ?? [];
        var names = parties.Select(p => ClueKeys.Of(p?.Name)).OfType<string>().ToArray();
        var ids = parties.Select(p => p?.IdNumber?.Trim().ToUpperInvariant()).Where(s => !string.IsNullOrEmpty(s)).ToArray();
        // Two clerks registering the same case at once would both see no duplicate; serialise on the court.
        await connection.ExecuteAsync("select pg_advisory_xact_lock(hashtext('clue-court:' || @courtKey))", new { courtKey }, transaction);
        return [.. await connection.QueryAsync<Candidate>("""
            select c.id as Id, c.register_number as RegisterNumber, c.status as Status, c.court as Court, c.case_number as CaseNumber,
                case when c.case_number_key = @caseKey then 'case-number' else 'parties' end as MatchedOn
            from supervision.clues c
            where c.status <> 'merged' and c.id <> coalesce(@excludeId, 0) and c.court_key = @courtKey
              and (c.case_number_key = @caseKey
                   or exists (select 1 from supervision.clue_parties p
                              where p.clue_id = c.id and (p.name_key = any(@names) or p.id_number = any(@ids))))
            order by c.id
            limit 20
            """, new { courtKey, caseKey = ClueKeys.Of(clue.CaseNumber), names, ids, excludeId }, transaction)];
    }
}
