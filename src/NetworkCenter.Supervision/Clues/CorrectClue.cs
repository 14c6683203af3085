using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Audit;
using NetworkCenter.Workflows.Runtime;
using Npgsql;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Clues;

internal abstract record CorrectionOutcome
{
    public sealed record Corrected(IReadOnlyList<string> Changed) : CorrectionOutcome;
    public sealed record NotFound : CorrectionOutcome;
    public sealed record Invalid(ProblemList Errors) : CorrectionOutcome;
    public sealed record Stale(int Revision) : CorrectionOutcome;
    public sealed record Refused(ServerMessage Reason) : CorrectionOutcome;
    public sealed record DuplicatesFound(IReadOnlyList<FindDuplicates.Candidate> Candidates) : CorrectionOutcome;
}

/// <summary>
/// The clue administrator corrects what the register says about a clue (a misspelt party, the wrong kind, area, office
/// or liaison) and sets or changes its handling procurator outside the procedures. The corrected clue passes the same
/// checks as a registration; each changed field is audited with its old and new value, in the same transaction.
/// </summary>
internal sealed class CorrectClue(CommandRunner commands, ClueTaskHandOver handOver, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row(
        string Status, string? RegisterNumber, string? MergedIntoNumber, long? MergedIntoId, int Revision, string SourceKind,
        long? OfficeId, long? LiaisonId, string? SourceDetail, string? Kind, string? PublicInterestArea, string? Court,
        string? CaseNumber, DateOnly? JudgmentDate, string? Judge, string Summary, decimal? AmountInvolved, long? AssignedProcuratorId);

    private sealed record Procurator(bool Active, bool HandlesClues);

    // ifRevision: the revision the caller corrected from (If-Match), or null to correct whatever is stored.
    // Runs as an engine command: a new procurator takes over the clue's open tasks in the same transaction. Refusals
    // return before anything is written, so committing them stores nothing.
    public Task<CorrectionOutcome> HandleAsync(long id, ClueCorrection correction, int? ifRevision, CurrentUser user,
        CancellationToken cancellationToken) =>
        commands.RunAsync(user.Username, context => HandleAsync(context, id, correction, ifRevision, user), cancellationToken);

    private async Task<CorrectionOutcome> HandleAsync(CommandContext context, long id, ClueCorrection correction, int? ifRevision, CurrentUser user)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var (connection, transaction) = (context.Connection, context.Transaction);
        // Instances before the clue's row, as the engine's commands lock them: the check below and clue intake's
        // assignment (its task, then the service task recording it) then happen one after the other, never interleaved.
        var locked = correction.Gives(ClueCorrection.AssignedProcuratorId) ? await ClueTaskHandOver.LockAsync(context, id) : null;
        var row = await connection.QuerySingleOrDefaultAsync<Row>("""
            select c.status as Status, c.register_number as RegisterNumber, m.register_number as MergedIntoNumber,
                c.merged_into_id as MergedIntoId, c.revision as Revision, c.source_kind as SourceKind, c.office_id as OfficeId,
                c.liaison_id as LiaisonId, c.source_detail as SourceDetail, c.kind as Kind, c.public_interest_area as PublicInterestArea,
                c.court as Court, c.case_number as CaseNumber, c.judgment_date as JudgmentDate, c.judge as Judge, c.summary as Summary,
                c.amount_involved as AmountInvolved, c.assigned_procurator_id as AssignedProcuratorId
            from supervision.clues c left join supervision.clues m on m.id = c.merged_into_id
            where c.id = @id for update of c
            """, new { id }, transaction);
        if (row is null)
        {
            return new CorrectionOutcome.NotFound();
        }
        if (row.Status == ClueStatuses.Merged)
        {
            return new CorrectionOutcome.Refused(
                ClueMessages.CorrectMerged(row.RegisterNumber ?? $"#{id}", row.MergedIntoNumber ?? $"#{row.MergedIntoId}"));
        }
        if (ifRevision is { } expected && expected != row.Revision)
        {
            return new CorrectionOutcome.Stale(row.Revision);
        }
        var before = new ClueInput(row.SourceKind, row.OfficeId, row.LiaisonId, row.SourceDetail, null, row.Kind, row.PublicInterestArea,
            [.. await connection.QueryAsync<PartyInput>("""
                select role as Role, person_kind as PersonKind, name as Name, id_number as IdNumber, phone as Phone, email as Email, address as Address
                from supervision.clue_parties where clue_id = @id order by position
                """, new { id }, transaction)],
            row.Court, row.CaseNumber, row.JudgmentDate, row.Judge,
            [.. await connection.QueryAsync<AgentInput>(
                "select name as Name, law_firm as LawFirm, phone as Phone from supervision.clue_agents where clue_id = @id order by position",
                new { id }, transaction)],
            row.Summary, row.AmountInvolved, null);
        var after = correction.ApplyTo(before);
        // A liaison's clue records the liaison's office: a new liaison brings theirs unless an office is given too.
        if (correction.Gives("liaisonId") && !correction.Gives("officeId") && after.SourceKind == SourceKinds.Liaison)
        {
            after = after with { OfficeId = null };
        }
        var errors = ValidateClue.Check(after, now, sourceFromCaller: correction.GivesSource);
        // A draft from the mailbox gets its kind when it is confirmed; until then it may be corrected without one.
        if (row.Status == ClueStatuses.Draft && after.Kind is null)
        {
            errors.Remove("kind");
        }
        if (errors.Count == 0 && correction.GivesSource)
        {
            var (source, sourceErrors) = await RegisterClue.ResolveSourceAsync(connection, transaction, after);
            errors = sourceErrors;
            after = source is null ? after : after with { OfficeId = source.OfficeId };
        }
        var procurator = correction.Id(ClueCorrection.AssignedProcuratorId, row.AssignedProcuratorId);
        if (errors.Count == 0 && procurator is { } staffId && procurator != row.AssignedProcuratorId)
        {
            var problem = await connection.QuerySingleOrDefaultAsync<Procurator>("""
                select s.active and a.active as Active, @role = any(a.roles) as HandlesClues
                from supervision.staff s join supervision.accounts a on a.id = s.account_id where s.id = @staffId
                """, new { staffId, role = Roles.HandlingProcurator }, transaction) switch
            {
                null => ClueMessages.NoStaff(staffId),
                { Active: false } => ClueMessages.StaffInactive(staffId),
                { HandlesClues: false } => ClueMessages.NotAProcurator(staffId),
                _ => null,
            };
            if (problem is not null)
            {
                errors.Set(ClueCorrection.AssignedProcuratorId, problem);
            }
        }
        // Nothing to hand over to: the running procedures' tasks and letters need a procurator.
        if (procurator is null && row.AssignedProcuratorId is not null && locked is { AnyRunning: true })
        {
            errors.Set(ClueCorrection.AssignedProcuratorId,
                ClueMessages.ProcuratorKept(string.Join(", ", locked.Instances.Select(i => i.DefinitionKey).Distinct())));
        }
        if (errors.Count > 0)
        {
            return new CorrectionOutcome.Invalid(errors);
        }
        var changes = Changes(before, after, row.AssignedProcuratorId, procurator);
        if (changes.Count == 0)
        {
            return new CorrectionOutcome.Corrected([]);
        }
        if (procurator != row.AssignedProcuratorId && locked is not null && await ClueTaskHandOver.RefusalAsync(context, locked) is { } refusal)
        {
            return new CorrectionOutcome.Refused(refusal);
        }
        // The same check a registration runs, and the same way past it: a corrected case number or party may show the
        // clue to be a matter the register already holds.
        if (!correction.CorrectAnyway && changes.Any(c => ClueCorrection.MatterFields.Contains(c.Field))
            && await FindDuplicates.FindAsync(connection, transaction, after, excludeId: id) is { Count: > 0 } candidates)
        {
            return new CorrectionOutcome.DuplicatesFound(candidates);
        }
        await StoreAsync(connection, transaction, id, after, procurator, correction, now);
        IReadOnlyList<Guid> handedOver = locked is not null && row.AssignedProcuratorId is { } previous && procurator is { } next && previous != next
            ? await handOver.HandOverAsync(context, locked, previous, next, user)
            : [];
        foreach (var (field, old, @new) in changes)
        {
            await AuditLog.AppendAsync(connection, transaction, now, user.Actor,
                field == ClueCorrection.AssignedProcuratorId ? "clue.procurator-assigned" : "clue.corrected", $"clue:{id}",
                field == ClueCorrection.AssignedProcuratorId
                    ? new { field, before = old, after = @new, registerNumber = row.RegisterNumber, tasksHandedOver = handedOver }
                    : (object)new { field, before = old, after = @new, registerNumber = row.RegisterNumber });
        }
        return new CorrectionOutcome.Corrected([.. changes.Select(c => c.Field)]);
    }

    private static async Task StoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, ClueInput clue, long? procurator,
        ClueCorrection correction, DateTimeOffset now)
    {
        static string? Trim(string? text) => NewClueRows.Trim(text);
        await connection.ExecuteAsync("""
            update supervision.clues set source_kind = @SourceKind, office_id = @OfficeId, liaison_id = @LiaisonId,
                source_detail = @SourceDetail, kind = @Kind, public_interest_area = @PublicInterestArea, court = @Court,
                case_number = @CaseNumber, judgment_date = @JudgmentDate, judge = @Judge, summary = @Summary,
                amount_involved = @AmountInvolved, assigned_procurator_id = @procurator, court_key = @CourtKey,
                case_number_key = @CaseNumberKey, search_text = @SearchText, updated_at = @now
            where id = @id
            """, new
            {
                id, clue.SourceKind, clue.OfficeId, clue.LiaisonId, SourceDetail = Trim(clue.SourceDetail), Kind = Trim(clue.Kind),
                PublicInterestArea = Trim(clue.PublicInterestArea), Court = Trim(clue.Court), CaseNumber = Trim(clue.CaseNumber),
                clue.JudgmentDate, Judge = Trim(clue.Judge), Summary = clue.Summary!, clue.AmountInvolved, procurator,
                CourtKey = ClueKeys.Of(clue.Court), CaseNumberKey = ClueKeys.Of(clue.CaseNumber), SearchText = ClueKeys.SearchText(clue), now,
            }, transaction);
        if (correction.GivesSource)
        {
            // The clue's own source row; sources merged in from other clues keep theirs.
            await connection.ExecuteAsync("""
                update supervision.clue_sources set source_kind = @SourceKind, office_id = @OfficeId, liaison_id = @LiaisonId, source_detail = @SourceDetail
                where clue_id = @id and original_clue_id = @id
                """, new { id, clue.SourceKind, clue.OfficeId, clue.LiaisonId, SourceDetail = Trim(clue.SourceDetail) }, transaction);
        }
        if (correction.Parties is not null)
        {
            await connection.ExecuteAsync("delete from supervision.clue_parties where clue_id = @id", new { id }, transaction);
            await NewClueRows.InsertPartiesAsync(connection, transaction, id, clue.Parties ?? []);
        }
        if (correction.Agents is not null)
        {
            await connection.ExecuteAsync("delete from supervision.clue_agents where clue_id = @id", new { id }, transaction);
            await NewClueRows.InsertAgentsAsync(connection, transaction, id, clue.Agents ?? []);
        }
    }

    /// <summary>Each field whose stored form changes, with the old and new value as stored.</summary>
    private static List<(string Field, object? Before, object? After)> Changes(ClueInput before, ClueInput after, long? procuratorBefore, long? procuratorAfter)
    {
        var changes = new List<(string, object?, object?)>();
        void Compare(string field, object? old, object? @new)
        {
            if (JsonSerializer.Serialize(old, Json) != JsonSerializer.Serialize(@new, Json))
            {
                changes.Add((field, old, @new));
            }
        }
        static string? T(string? text) => NewClueRows.Trim(text);
        Compare("kind", T(before.Kind), T(after.Kind));
        Compare("publicInterestArea", T(before.PublicInterestArea), T(after.PublicInterestArea));
        Compare("court", T(before.Court), T(after.Court));
        Compare("caseNumber", T(before.CaseNumber), T(after.CaseNumber));
        Compare("judgmentDate", before.JudgmentDate, after.JudgmentDate);
        Compare("judge", T(before.Judge), T(after.Judge));
        Compare("summary", before.Summary, after.Summary);
        Compare("amountInvolved", before.AmountInvolved, after.AmountInvolved);
        Compare("sourceKind", before.SourceKind, after.SourceKind);
        Compare("officeId", before.OfficeId, after.OfficeId);
        Compare("liaisonId", before.LiaisonId, after.LiaisonId);
        Compare("sourceDetail", T(before.SourceDetail), T(after.SourceDetail));
        Compare("parties", Stored(before.Parties), Stored(after.Parties));
        Compare("agents", Stored(before.Agents), Stored(after.Agents));
        Compare(ClueCorrection.AssignedProcuratorId, procuratorBefore, procuratorAfter);
        return changes;
    }

    private static List<object> Stored(IReadOnlyList<PartyInput>? parties) => [.. (parties ?? []).Select(p => new
    {
        p?.Role, p?.PersonKind, Name = p?.Name?.Trim(), IdNumber = NewClueRows.Trim(p?.IdNumber)?.ToUpperInvariant(), Phone = NewClueRows.Trim(p?.Phone),
        Email = NewClueRows.Trim(p?.Email), Address = NewClueRows.Trim(p?.Address),
    })];

    private static List<object> Stored(IReadOnlyList<AgentInput>? agents) =>
        [.. (agents ?? []).Select(a => new { Name = a?.Name?.Trim(), LawFirm = NewClueRows.Trim(a?.LawFirm), Phone = NewClueRows.Trim(a?.Phone) })];
}
