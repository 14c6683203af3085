using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>One attachment's bytes, found through the clue that holds it now (after a merge, the surviving clue).</summary>
internal sealed class ReadAttachment(NpgsqlDataSource dataSource)
{
    public sealed record File(string FileName, string ContentType, byte[] Content);

    public async Task<File?> HandleAsync(long clueId, long attachmentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<File>("""
            select file_name as FileName, content_type as ContentType, content as Content
            from supervision.clue_attachments where id = @attachmentId and clue_id = @clueId
            """, new { clueId, attachmentId });
    }
}
