using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>One clue as the register shows it, with the reporter redacted for those who may not see them.</summary>
internal sealed class GetClue(NpgsqlDataSource dataSource)
{
    public sealed record Detail(
        long Id, string? RegisterNumber, string Status, string? Kind, string? PublicInterestArea, string SourceKind, long? OfficeId,
        long? LiaisonId, string? SourceDetail, DateTime ReceivedAt, string? Court, string? CaseNumber, DateOnly? JudgmentDate,
        string? Judge, string Summary, decimal? AmountInvolved, Reporter? Reporter, bool ReporterRedacted, long? AssignedProcuratorId,
        long? MergedIntoId, string? MergedIntoRegisterNumber, IReadOnlyList<Party> Parties, IReadOnlyList<Agent> Agents,
        IReadOnlyList<Source> Sources, IReadOnlyList<Attachment> Attachments, IReadOnlyList<StatusHistory.Entry> History,
        DateTime CreatedAt, int Revision);

    public sealed record Reporter(string? Name, string? IdNumber, string? Phone, string? Email);
    public sealed record Party(string Role, string PersonKind, string Name, string? IdNumber, string? Phone, string? Email, string? Address);
    public sealed record Agent(string Name, string? LawFirm, string? Phone);
    public sealed record Source(string SourceKind, long? OfficeId, long? LiaisonId, string? SourceDetail, DateTime ReceivedAt, long OriginalClueId);
    public sealed record Attachment(long Id, string FileName, string ContentType, long SizeBytes, string Sha256, long OriginalClueId);

    private sealed record Row(
        long Id, string? RegisterNumber, string Status, string? Kind, string? PublicInterestArea, string SourceKind, long? OfficeId,
        long? LiaisonId, string? SourceDetail, DateTime ReceivedAt, string? Court, string? CaseNumber, DateOnly? JudgmentDate,
        string? Judge, string Summary, decimal? AmountInvolved, string? ReporterName, string? ReporterIdNumber, string? ReporterPhone,
        string? ReporterEmail, long? AssignedProcuratorId, long? MergedIntoId, string? MergedIntoRegisterNumber, DateTime CreatedAt, int Revision);

    public async Task<Detail?> HandleAsync(long id, ClueViewer viewer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>("""
            select c.id as Id, c.register_number as RegisterNumber, c.status as Status, c.kind as Kind,
                c.public_interest_area as PublicInterestArea, c.source_kind as SourceKind, c.office_id as OfficeId,
                c.liaison_id as LiaisonId, c.source_detail as SourceDetail, c.received_at as ReceivedAt, c.court as Court,
                c.case_number as CaseNumber, c.judgment_date as JudgmentDate, c.judge as Judge, c.summary as Summary,
                c.amount_involved as AmountInvolved, c.reporter_name as ReporterName, c.reporter_id_number as ReporterIdNumber,
                c.reporter_phone as ReporterPhone, c.reporter_email as ReporterEmail, c.assigned_procurator_id as AssignedProcuratorId,
                c.merged_into_id as MergedIntoId, m.register_number as MergedIntoRegisterNumber, c.created_at as CreatedAt,
                c.revision as Revision
            from supervision.clues c left join supervision.clues m on m.id = c.merged_into_id
            where c.id = @id
            """, new { id });
        if (row is null)
        {
            return null;
        }
        var open = viewer.SeesReporterOf(row.Kind, row.AssignedProcuratorId);
        var parties = await connection.QueryAsync<Party>("""
            select role as Role, person_kind as PersonKind, name as Name, id_number as IdNumber, phone as Phone, email as Email, address as Address
            from supervision.clue_parties where clue_id = @id order by position
            """, new { id });
        var agents = await connection.QueryAsync<Agent>(
            "select name as Name, law_firm as LawFirm, phone as Phone from supervision.clue_agents where clue_id = @id order by position", new { id });
        var sources = await connection.QueryAsync<Source>("""
            select source_kind as SourceKind, office_id as OfficeId, liaison_id as LiaisonId, source_detail as SourceDetail,
                received_at as ReceivedAt, original_clue_id as OriginalClueId
            from supervision.clue_sources where clue_id = @id order by id
            """, new { id });
        var attachments = await connection.QueryAsync<Attachment>("""
            select id as Id, file_name as FileName, content_type as ContentType, size_bytes as SizeBytes, sha256 as Sha256,
                original_clue_id as OriginalClueId
            from supervision.clue_attachments where clue_id = @id order by id
            """, new { id });
        var history = await StatusHistory.ReadAsync(connection, id);
        var hasReporter = row.ReporterName is not null || row.ReporterIdNumber is not null || row.ReporterPhone is not null || row.ReporterEmail is not null;
        return new Detail(
            row.Id, row.RegisterNumber, row.Status, row.Kind, row.PublicInterestArea, row.SourceKind, row.OfficeId,
            // On a misconduct clue the liaison who brought it is the reporter, so they are hidden too.
            open ? row.LiaisonId : null, open ? row.SourceDetail : null, row.ReceivedAt, row.Court, row.CaseNumber,
            row.JudgmentDate, row.Judge, row.Summary, row.AmountInvolved,
            open && hasReporter ? new Reporter(row.ReporterName, row.ReporterIdNumber, row.ReporterPhone, row.ReporterEmail) : null,
            !open, row.AssignedProcuratorId, row.MergedIntoId, row.MergedIntoRegisterNumber, [.. parties], [.. agents],
            [.. sources.Select(s => open ? s : s with { LiaisonId = null, SourceDetail = null })], [.. attachments], history, row.CreatedAt, row.Revision);
    }
}
