using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Statistics;

/// <summary>
/// What came of a clue (a protest proposed, a suggestion adopted, a case transferred for prosecution, ...) and its value:
/// recorded by staff, never edited (a 'correction' row takes an amount back), read by the statistics.
/// </summary>
internal sealed class ClueOutcomes(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "protest-proposed", "retrial-ordered", "suggestion-adopted", "transferred-for-prosecution", "public-interest-litigation",
        "correction", "other",
    ];

    /// <summary>Below 10^16 yuan, the numeric(18, 2) column's range.</summary>
    private const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public sealed record Request(string? Kind, decimal? AmountRecovered, decimal? LossAvoided, string? Note);

    public sealed record Entry(long Id, long ClueId, string Kind, decimal AmountRecovered, decimal LossAvoided, string? Note, string RecordedBy,
        DateTime RecordedAt);

    public async Task<Outcome<Entry>> RecordAsync(long clueId, Request request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var kind = errors.OneOf("kind", request.Kind, Kinds);
        var correction = kind == "correction";
        var recovered = Amount("amountRecovered", request.AmountRecovered, correction, errors);
        var avoided = Amount("lossAvoided", request.LossAvoided, correction, errors);
        var note = errors.Optional("note", request.Note, FieldErrors.TextLength);
        if (correction && note is null && !errors.Has("note"))
        {
            errors.Add("note", FieldMessages.CorrectionNote());
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var clue = await connection.QuerySingleOrDefaultAsync<ClueState>("""
            select c.register_number as RegisterNumber, c.status as Status, m.register_number as MergedInto
            from supervision.clues c left join supervision.clues m on m.id = c.merged_into_id where c.id = @clueId
            """, new { clueId });
        if (clue is null)
        {
            return Outcome<Entry>.NotFound;
        }
        if (clue.RegisterNumber is null)
        {
            errors.Add("clueId", FieldMessages.DraftClue());
        }
        else if (clue.Status == "merged")
        {
            errors.Add("clueId", FieldMessages.MergedClue(clue.MergedInto));
        }
        if (errors.Any)
        {
            return errors;
        }
        return await connection.QuerySingleAsync<Entry>("""
            insert into supervision.clue_outcomes (clue_id, kind, amount_recovered, loss_avoided, note, recorded_by, recorded_at)
            values (@clueId, @kind, @recovered, @avoided, @note, @actor, @now)
            returning id as Id, clue_id as ClueId, kind as Kind, amount_recovered as AmountRecovered, loss_avoided as LossAvoided,
                      note as Note, recorded_by as RecordedBy, recorded_at as RecordedAt
            """, new { clueId, kind, recovered, avoided, note, actor, now = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>A clue's outcomes, oldest first; null when there is no such clue.</summary>
    public async Task<IReadOnlyList<Entry>?> ListAsync(long clueId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>("select exists (select 1 from supervision.clues where id = @clueId)", new { clueId }))
        {
            return null;
        }
        return [.. await connection.QueryAsync<Entry>("""
            select id as Id, clue_id as ClueId, kind as Kind, amount_recovered as AmountRecovered, loss_avoided as LossAvoided,
                   note as Note, recorded_by as RecordedBy, recorded_at as RecordedAt
            from supervision.clue_outcomes where clue_id = @clueId order by id
            """, new { clueId })];
    }

    private sealed record ClueState(string? RegisterNumber, string Status, string? MergedInto);

    private static decimal Amount(string field, decimal? value, bool correction, FieldErrors errors)
    {
        var amount = value ?? 0m;
        if (amount < 0 && !correction)
        {
            errors.Add(field, FieldMessages.NegativeAmount());
        }
        else if (Math.Abs(amount) > MaxAmount)
        {
            errors.Add(field, FieldMessages.AmountTooLarge(MaxAmount.ToString("0.00", CultureInfo.InvariantCulture)));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, FieldMessages.TwoDecimals());
        }
        return amount;
    }
}
