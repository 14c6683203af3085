using Dapper;
using Npgsql;

namespace NetworkCenter.Workflows.Persistence;

/// <summary>
/// A table whose rows are hash-chained by an insert trigger (see migration 0030): <c>chain_seq</c>, <c>prev_hash</c>
/// and <c>hash</c> columns, one chain per <paramref name="PartitionColumn"/> value (or one for the table), and a SQL
/// function giving a row's canonical text.
/// </summary>
internal sealed record HashChain(string Table, string? PartitionColumn, string CanonicalFunction)
{
    public static HashChain EngineJournal { get; } = new("engine.journal", "instance_id", "engine.journal_canonical");
}

/// <summary>The first row where a chain does not hold, with what the chain says it should be and what is stored.</summary>
internal sealed record BrokenChainRow(string Table, long Id, long? PreviousId, string Problem, string Expected, string Found);

internal sealed record HashChainReport(string Table, long Rows, BrokenChainRow? FirstBroken)
{
    public bool Ok => FirstBroken is null;
}

internal static class HashChainVerifier
{
    private sealed record Row(long Id, long? PreviousId, long? Seq, long ExpectedSeq, byte[]? PrevHash, byte[] ExpectedPrev, byte[]? Hash, byte[] Recomputed);

    /// <summary>
    /// Recomputes every link in the database (one pass, no row leaves PostgreSQL unless broken) and reports the broken
    /// row with the lowest id: a changed row is named itself; a deleted or slipped-in row is found at the row after it,
    /// whose recorded predecessor no longer matches.
    /// </summary>
    public static async Task<HashChainReport> VerifyAsync(NpgsqlConnection connection, HashChain chain, CancellationToken cancellationToken)
    {
        var partition = chain.PartitionColumn is null ? "" : $"partition by t.{chain.PartitionColumn} ";
        var sql =
            $"""
            with links as (
                select t.id, lag(t.id) over w as previous_id, t.chain_seq as seq,
                       coalesce(lag(t.chain_seq) over w, 0) + 1 as expected_seq,
                       t.prev_hash, coalesce(lag(t.hash) over w, decode(repeat('00', 32), 'hex')) as expected_prev,
                       t.hash, sha256(coalesce(t.prev_hash, ''::bytea) || convert_to({chain.CanonicalFunction}(t), 'UTF8')) as recomputed
                from {chain.Table} t
                window w as ({partition}order by t.chain_seq, t.id)
            )
            select id as Id, previous_id as PreviousId, seq as Seq, expected_seq as ExpectedSeq, prev_hash as PrevHash,
                   expected_prev as ExpectedPrev, hash as Hash, recomputed as Recomputed
            from links
            where seq is distinct from expected_seq or prev_hash is distinct from expected_prev or hash is distinct from recomputed
            order by id limit 1
            """;
        var command = new CommandDefinition(sql, cancellationToken: cancellationToken);
        var broken = await connection.QuerySingleOrDefaultAsync<Row>(command);
        var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"select count(*) from {chain.Table}", cancellationToken: cancellationToken));
        return new HashChainReport(chain.Table, rows, broken is null ? null : Describe(chain.Table, broken));
    }

    private static BrokenChainRow Describe(string table, Row row)
    {
        var after = row.PreviousId is { } previous ? $"row {previous}" : "the start of its chain";
        if (row.Seq != row.ExpectedSeq)
        {
            return new BrokenChainRow(table, row.Id, row.PreviousId,
                $"chain position: a row is missing or added after {after}", $"{row.ExpectedSeq}", row.Seq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null");
        }
        if (!Same(row.PrevHash, row.ExpectedPrev))
        {
            return new BrokenChainRow(table, row.Id, row.PreviousId,
                $"prev_hash does not match the hash of {after}: a row was changed, removed or slipped in there", Hex(row.ExpectedPrev), Hex(row.PrevHash));
        }
        return new BrokenChainRow(table, row.Id, row.PreviousId, "hash does not match the row's content: the row was changed", Hex(row.Recomputed), Hex(row.Hash));
    }

    private static bool Same(byte[]? a, byte[] b) => a is not null && a.AsSpan().SequenceEqual(b);

    private static string Hex(byte[]? bytes) => bytes is null ? "null" : Convert.ToHexStringLower(bytes);
}
