using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// A liaison's view of the register: only the clues they gave (including those theirs was merged into, where they keep
/// the credit), and of those only the procedural status — liaisons are not parties to the case. Anything else is
/// answered as not found, so a liaison cannot tell another's clue from a missing one.
/// </summary>
internal sealed class LiaisonClues(NpgsqlDataSource dataSource)
{
    public sealed record Summary(long Id, string? RegisterNumber, string Status, string? Kind, DateTime ReceivedAt, string? Court,
        string? CaseNumber, bool SubmittedByMe, string? MergedIntoRegisterNumber);

    public sealed record Detail(Summary Clue, string? Summary, IReadOnlyList<Step> Progress, IReadOnlyList<string> MyAttachments);

    public sealed record Step(string ToStatus, DateTime At);

    private const string Mine = """
        (c.liaison_id = @liaisonId
         or exists (select 1 from supervision.clue_sources s where s.clue_id = c.id and s.liaison_id = @liaisonId))
        """;

    private const string Columns = """
        c.id as Id, c.register_number as RegisterNumber, c.status as Status, c.kind as Kind, c.received_at as ReceivedAt,
        c.court as Court, c.case_number as CaseNumber, c.liaison_id is not distinct from @liaisonId as SubmittedByMe,
        m.register_number as MergedIntoRegisterNumber
        """;

    public async Task<IReadOnlyList<Summary>> ListAsync(long liaisonId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Summary>($"""
            select {Columns}
            from supervision.clues c left join supervision.clues m on m.id = c.merged_into_id
            where {Mine}
            order by c.received_at desc, c.id desc
            """, new { liaisonId })];
    }

    public async Task<Detail?> GetAsync(long liaisonId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var clue = await connection.QuerySingleOrDefaultAsync<Summary>($"""
            select {Columns}
            from supervision.clues c left join supervision.clues m on m.id = c.merged_into_id
            where c.id = @id and {Mine}
            """, new { liaisonId, id });
        if (clue is null)
        {
            return null;
        }
        var summary = clue.SubmittedByMe
            ? await connection.ExecuteScalarAsync<string>("select summary from supervision.clues where id = @id", new { id })
            : null;
        var progress = await connection.QueryAsync<Step>(
            "select to_status as ToStatus, at as At from supervision.clue_status_history where clue_id = @id order by id", new { id });
        var attachments = await connection.QueryAsync<string>("""
            select a.file_name from supervision.clue_attachments a join supervision.clues o on o.id = a.original_clue_id
            where a.clue_id = @id and o.liaison_id = @liaisonId order by a.id
            """, new { liaisonId, id });
        return new Detail(clue, summary, [.. progress], [.. attachments]);
    }
}
