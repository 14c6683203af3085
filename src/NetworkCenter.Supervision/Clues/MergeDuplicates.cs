using Dapper;
using Npgsql;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Clues;

internal abstract record MergeOutcome
{
    public sealed record Merged(long TargetId, string? TargetRegisterNumber) : MergeOutcome;
    public sealed record NotFound : MergeOutcome;
    public sealed record Refused(ServerMessage Reason) : MergeOutcome;
}

/// <summary>
/// Merges a duplicate into the clue that stays: every source moves over (each liaison keeps the credit for the clue)
/// and every attachment with it; the duplicate becomes <c>merged</c> with a pointer to the survivor. Both clues'
/// histories say so.
/// </summary>
internal sealed class MergeDuplicates(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private sealed record Locked(long Id, string Status, string? RegisterNumber, long? MergedIntoId);

    public async Task<MergeOutcome> HandleAsync(long id, long targetId, string actor, CancellationToken cancellationToken)
    {
        if (id == targetId)
        {
            return new MergeOutcome.Refused(ClueMessages.MergeIntoItself());
        }
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
        var rows = (await connection.QueryAsync<Locked>("""
            select id as Id, status as Status, register_number as RegisterNumber, merged_into_id as MergedIntoId
            from supervision.clues where id = any(@ids) order by id for update
            """, new { ids = new[] { id, targetId } }, transaction)).ToDictionary(r => r.Id);
        if (!rows.TryGetValue(id, out var duplicate) || !rows.TryGetValue(targetId, out var target))
        {
            return new MergeOutcome.NotFound();
        }
        if (duplicate.Status == ClueStatuses.Merged)
        {
            return new MergeOutcome.Refused(ClueMessages.AlreadyMerged(Name(duplicate), duplicate.MergedIntoId));
        }
        if (target.Status == ClueStatuses.Merged)
        {
            return new MergeOutcome.Refused(ClueMessages.TargetMerged(Name(target), target.MergedIntoId));
        }
        await connection.ExecuteAsync("""
            update supervision.clue_sources set clue_id = @targetId where clue_id = @id;
            update supervision.clue_attachments set clue_id = @targetId where clue_id = @id;
            update supervision.clues set status = 'merged', merged_into_id = @targetId, updated_at = @now where id = @id;
            update supervision.clues set updated_at = @now where id = @targetId;
            """, new { id, targetId, now }, transaction);
        await StatusHistory.AppendAsync(connection, transaction, id, duplicate.Status, ClueStatuses.Merged, actor, now,
            $"merged into {Name(target)}");
        await StatusHistory.AppendAsync(connection, transaction, targetId, target.Status, target.Status, actor, now,
            $"{Name(duplicate)} merged into this clue with its sources and attachments");
        await transaction.CommitAsync(cancellationToken);
        return new MergeOutcome.Merged(targetId, target.RegisterNumber);
    }

    private static string Name(Locked clue) => clue.RegisterNumber ?? $"draft #{clue.Id}";
}
