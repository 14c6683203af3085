using Dapper;
using NetworkCenter.Supervision.Clues.Attachments;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

internal abstract record RegisterOutcome
{
    public sealed record Registered(long Id, string RegisterNumber) : RegisterOutcome;
    public sealed record Invalid(ProblemList Errors) : RegisterOutcome;
    public sealed record DuplicatesFound(IReadOnlyList<FindDuplicates.Candidate> Candidates) : RegisterOutcome;
}

/// <summary>
/// Registers a clue on receipt: validates every field and file, refuses a likely duplicate unless told to register it
/// anyway, and stores the clue, its parties, source and attachments with its register number in one transaction —
/// any problem leaves nothing stored.
/// </summary>
internal sealed class RegisterClue(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<RegisterOutcome> HandleAsync(ClueInput clue, IReadOnlyList<IncomingAttachment> files, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var errors = ValidateClue.Check(clue, now, sourceFromCaller: true);
        var attachments = CheckFiles(files, errors);
        if (errors.Count > 0)
        {
            return new RegisterOutcome.Invalid(errors);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (source, sourceErrors) = await ResolveSourceAsync(connection, transaction, clue);
        if (sourceErrors.Count > 0)
        {
            return new RegisterOutcome.Invalid(sourceErrors);
        }
        if (!clue.RegisterAnyway && await FindDuplicates.FindAsync(connection, transaction, clue) is { Count: > 0 } candidates)
        {
            return new RegisterOutcome.DuplicatesFound(candidates);
        }
        var id = await NewClueRows.InsertDraftAsync(connection, transaction, clue, source!, clue.ReceivedAt ?? now, attachments, actor, now,
            note: "received");
        var number = await RegisterNumbers.AssignAsync(connection, transaction, id, actor, now, note: null);
        await transaction.CommitAsync(cancellationToken);
        return new RegisterOutcome.Registered(id, number);
    }

    /// <summary>Each refused file under <c>attachments[i]</c>, with its name in the message.</summary>
    internal static List<NewClueRows.StoredAttachment> CheckFiles(IReadOnlyList<IncomingAttachment> files, ProblemList errors)
    {
        var accepted = new List<NewClueRows.StoredAttachment>();
        for (var i = 0; i < files.Count; i++)
        {
            var (type, problem) = AttachmentCheck.Check(files[i]);
            if (problem is not null)
            {
                errors.Set($"attachments[{i}]", problem);
            }
            else
            {
                accepted.Add(new(files[i], type!));
            }
        }
        return accepted;
    }

    /// <summary>The office and liaison must exist and be active; a liaison's office is recorded when none is given.</summary>
    internal static async Task<(NewClueRows.Source?, ProblemList)> ResolveSourceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ClueInput clue)
    {
        var errors = new ProblemList();
        var officeId = clue.OfficeId;
        if (clue.OfficeId is { } requestedOffice)
        {
            var office = await connection.QuerySingleOrDefaultAsync<OfficeRow>(
                "select kind as Kind, active as Active from supervision.offices where id = @requestedOffice", new { requestedOffice }, transaction);
            if (office is null) errors.Add("officeId", ClueMessages.NoOffice(requestedOffice));
            else if (!office.Active) errors.Add("officeId", ClueMessages.OfficeInactive(requestedOffice));
            else if (clue.SourceKind is SourceKinds.LiaisonOffice or SourceKinds.ReportingPoint && office.Kind != clue.SourceKind)
                errors.Add("officeId", ClueMessages.OfficeKind(requestedOffice, office.Kind, clue.SourceKind));
        }
        if (clue.LiaisonId is { } requestedLiaison)
        {
            var liaison = await connection.QuerySingleOrDefaultAsync<LiaisonRow>(
                "select office_id as OfficeId, active as Active from supervision.liaisons where id = @requestedLiaison", new { requestedLiaison }, transaction);
            if (liaison is null) errors.Add("liaisonId", ClueMessages.NoLiaison(requestedLiaison));
            else if (!liaison.Active) errors.Add("liaisonId", ClueMessages.LiaisonInactive(requestedLiaison));
            else officeId ??= liaison.OfficeId;
        }
        return errors.Any
            ? (null, errors)
            : (new NewClueRows.Source(clue.SourceKind!, officeId, clue.LiaisonId, clue.SourceDetail), new ProblemList());
    }

    private sealed record OfficeRow(string Kind, bool Active);

    private sealed record LiaisonRow(long? OfficeId, bool Active);
}
