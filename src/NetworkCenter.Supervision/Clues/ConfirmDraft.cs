using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

internal abstract record ConfirmOutcome
{
    public sealed record Confirmed(long Id, string RegisterNumber) : ConfirmOutcome;
    public sealed record NotFound : ConfirmOutcome;
    public sealed record NotADraft(string Status) : ConfirmOutcome;
    public sealed record Invalid(ProblemList Errors) : ConfirmOutcome;
}

/// <summary>
/// The clue administrator confirms a draft (from the mailbox) as a real clue: it gets its kind, if the email did not
/// say, and its register number, in one transaction.
/// </summary>
internal sealed class ConfirmDraft(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public sealed record Request(string? Kind, string? PublicInterestArea);

    private sealed record Draft(string Status, string? Kind, string? PublicInterestArea);

    public async Task<ConfirmOutcome> HandleAsync(long id, Request request, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var draft = await connection.QuerySingleOrDefaultAsync<Draft>("""
            select status as Status, kind as Kind, public_interest_area as PublicInterestArea
            from supervision.clues where id = @id for update
            """, new { id }, transaction);
        if (draft is null)
        {
            return new ConfirmOutcome.NotFound();
        }
        if (draft.Status != ClueStatuses.Draft)
        {
            return new ConfirmOutcome.NotADraft(draft.Status);
        }
        var kind = request.Kind ?? draft.Kind;
        var area = request.Kind is null ? request.PublicInterestArea ?? draft.PublicInterestArea : request.PublicInterestArea;
        var errors = new ProblemList();
        if (kind is null || !ClueVocabulary.Kinds.Contains(kind))
        {
            errors.Add("kind", ClueMessages.RequiredOneOf(ClueVocabulary.Kinds));
        }
        if (kind == ClueKinds.PublicInterest && (area is null || !ClueVocabulary.PublicInterestAreas.Contains(area)))
        {
            errors.Add("publicInterestArea", ClueMessages.AreaRequired(ClueVocabulary.PublicInterestAreas));
        }
        else if (kind != ClueKinds.PublicInterest && area is not null)
        {
            errors.Add("publicInterestArea", ClueMessages.AreaOnlyForPublicInterest());
        }
        if (errors.Any)
        {
            return new ConfirmOutcome.Invalid(errors);
        }
        await connection.ExecuteAsync(
            "update supervision.clues set kind = @kind, public_interest_area = @area where id = @id", new { id, kind, area }, transaction);
        var number = await RegisterNumbers.AssignAsync(connection, transaction, id, actor, now, "confirmed");
        await transaction.CommitAsync(cancellationToken);
        return new ConfirmOutcome.Confirmed(id, number);
    }
}
