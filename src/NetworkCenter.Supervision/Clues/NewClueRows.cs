using Dapper;
using NetworkCenter.Supervision.Clues.Attachments;
using Npgsql;
using NpgsqlTypes;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// Writes a new clue with its parties, agents, first source and attachments, as a draft; registering then gives it its
/// number (<see cref="RegisterNumbers.AssignAsync"/>). Shared by every intake channel so they store the same shape.
/// </summary>
internal static class NewClueRows
{
    public sealed record Source(string Kind, long? OfficeId, long? LiaisonId, string? Detail);

    public sealed record StoredAttachment(IncomingAttachment File, string ContentType);

    public static async Task<long> InsertDraftAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClueInput clue, Source source,
        DateTimeOffset receivedAt, IReadOnlyList<StoredAttachment> attachments, string actor, DateTimeOffset now, string? note)
    {
        // Npgsql writes timestamptz only from UTC values; a liaison's +08:00 time is the same instant.
        receivedAt = receivedAt.ToUniversalTime();
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into supervision.clues (status, source_kind, office_id, liaison_id, source_detail, received_at, kind,
                public_interest_area, court, case_number, judgment_date, judge, summary, amount_involved, reporter_name,
                reporter_id_number, reporter_phone, reporter_email, court_key, case_number_key, search_text, created_by,
                created_at, updated_at)
            values ('draft', @SourceKind, @OfficeId, @LiaisonId, @SourceDetail, @receivedAt, @Kind, @PublicInterestArea,
                @Court, @CaseNumber, @JudgmentDate, @Judge, @Summary, @AmountInvolved, @ReporterName, @ReporterIdNumber,
                @ReporterPhone, @ReporterEmail, @CourtKey, @CaseNumberKey, @SearchText, @actor, @now, @now)
            returning id
            """, new
            {
                SourceKind = source.Kind, source.OfficeId, source.LiaisonId, SourceDetail = Trim(source.Detail), receivedAt,
                Kind = Trim(clue.Kind), PublicInterestArea = Trim(clue.PublicInterestArea), Court = Trim(clue.Court),
                CaseNumber = Trim(clue.CaseNumber), clue.JudgmentDate, Judge = Trim(clue.Judge), Summary = clue.Summary ?? "",
                clue.AmountInvolved, ReporterName = Trim(clue.Reporter?.Name), ReporterIdNumber = Trim(clue.Reporter?.IdNumber)?.ToUpperInvariant(),
                ReporterPhone = Trim(clue.Reporter?.Phone), ReporterEmail = Trim(clue.Reporter?.Email),
                CourtKey = ClueKeys.Of(clue.Court), CaseNumberKey = ClueKeys.Of(clue.CaseNumber), SearchText = ClueKeys.SearchText(clue),
                actor, now,
            }, transaction);
        await InsertPartiesAsync(connection, transaction, id, clue.Parties ?? []);
        await InsertAgentsAsync(connection, transaction, id, clue.Agents ?? []);
        await connection.ExecuteAsync("""
            insert into supervision.clue_sources (clue_id, original_clue_id, source_kind, office_id, liaison_id, source_detail, received_at)
            values (@id, @id, @Kind, @OfficeId, @LiaisonId, @Detail, @receivedAt)
            """, new { id, source.Kind, source.OfficeId, source.LiaisonId, Detail = Trim(source.Detail), receivedAt }, transaction);
        foreach (var attachment in attachments)
        {
            await InsertAttachmentAsync(connection, transaction, id, attachment, actor, now);
        }
        await StatusHistory.AppendAsync(connection, transaction, id, null, ClueStatuses.Draft, actor, now, note);
        return id;
    }

    /// <summary>The clue's parties in their order; a correction that changes them deletes the old rows first.</summary>
    public static async Task InsertPartiesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<PartyInput> parties)
    {
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            await connection.ExecuteAsync("""
                insert into supervision.clue_parties (clue_id, role, person_kind, name, name_key, id_number, phone, email, address, position)
                values (@id, @Role, @PersonKind, @Name, @NameKey, @IdNumber, @Phone, @Email, @Address, @i)
                """, new
                {
                    id, p.Role, p.PersonKind, Name = p.Name!.Trim(), NameKey = ClueKeys.Of(p.Name), IdNumber = Trim(p.IdNumber)?.ToUpperInvariant(),
                    Phone = Trim(p.Phone), Email = Trim(p.Email), Address = Trim(p.Address), i,
                }, transaction);
        }
    }

    public static async Task InsertAgentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, IReadOnlyList<AgentInput> agents)
    {
        for (var i = 0; i < agents.Count; i++)
        {
            await connection.ExecuteAsync("""
                insert into supervision.clue_agents (clue_id, name, law_firm, phone, position) values (@id, @Name, @LawFirm, @Phone, @i)
                """, new { id, Name = agents[i].Name!.Trim(), LawFirm = Trim(agents[i].LawFirm), Phone = Trim(agents[i].Phone), i }, transaction);
        }
    }

    /// <summary>Streams the spooled file into the bytea column: Npgsql sends a <see cref="Stream"/> parameter without buffering it.</summary>
    private static async Task InsertAttachmentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId,
        StoredAttachment attachment, string actor, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand("""
            insert into supervision.clue_attachments (clue_id, original_clue_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, created_at)
            values ($1, $1, $2, $3, $4, $5, $6, $7, $8)
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = clueId });
        command.Parameters.Add(new NpgsqlParameter { Value = attachment.File.FileName });
        command.Parameters.Add(new NpgsqlParameter { Value = attachment.ContentType });
        command.Parameters.Add(new NpgsqlParameter { Value = attachment.File.Length });
        command.Parameters.Add(new NpgsqlParameter { Value = attachment.File.Sha256 });
        command.Parameters.Add(new NpgsqlParameter { Value = attachment.File.OpenRead(), NpgsqlDbType = NpgsqlDbType.Bytea, Size = (int)attachment.File.Length });
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync();
    }

    internal static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
