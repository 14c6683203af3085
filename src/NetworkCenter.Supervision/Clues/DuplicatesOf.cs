using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// The merge candidates of a clue already in the register: liaisons' submissions and mailed drafts are registered
/// without the duplicate check (their senders cannot see others' clues), so the clue administrator asks here.
/// </summary>
internal sealed class DuplicatesOf(NpgsqlDataSource dataSource)
{
    private sealed record Stored(string? Court, string? CaseNumber);

    public async Task<IReadOnlyList<FindDuplicates.Candidate>?> HandleAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var clue = await connection.QuerySingleOrDefaultAsync<Stored>(
            "select court as Court, case_number as CaseNumber from supervision.clues where id = @id", new { id }, transaction);
        if (clue is null)
        {
            return null;
        }
        var parties = await connection.QueryAsync<PartyInput>("""
            select role as Role, person_kind as PersonKind, name as Name, id_number as IdNumber, phone as Phone, email as Email, address as Address
            from supervision.clue_parties where clue_id = @id
            """, new { id }, transaction);
        var probe = new ClueInput(null, null, null, null, null, null, null, [.. parties], clue.Court, clue.CaseNumber, null, null, null, null, null, null);
        return await FindDuplicates.FindAsync(connection, transaction, probe, excludeId: id);
    }
}
