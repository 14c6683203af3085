using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Accounts;

/// <summary>
/// Re-reads a session's user on every request, so that deactivating an account, changing its roles or its language
/// takes effect at once rather than when the cookie expires.
/// </summary>
internal sealed class FindSession(NpgsqlDataSource database)
{
    private sealed record Row
    {
        public long Id { get; init; }
        public string Username { get; init; } = "";
        public string Language { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public long? LiaisonId { get; init; }
    }

    /// <summary>The user as stored now; null when the account is gone or deactivated.</summary>
    public async Task<CurrentUser?> RefreshAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            """
            select a.id, a.username, a.language, a.roles,
                   (select l.id from supervision.liaisons l where l.account_id = a.id and l.active) as LiaisonId
            from supervision.accounts a where a.id = @AccountId and a.active
            """,
            new { user.AccountId });
        return row is null ? null : new CurrentUser(row.Id, row.Username, row.Roles, row.LiaisonId, row.Language);
    }
}
