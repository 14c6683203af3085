using Dapper;
using NetworkCenter.Supervision.Accounts;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>Who is reading the register, as far as confidentiality is concerned.</summary>
internal sealed record ClueViewer(string UserName, IReadOnlyCollection<string> Roles, long? StaffId)
{
    public bool IsClueAdministrator => Roles.Contains(Accounts.Roles.ClueAdministrator);

    /// <summary>
    /// The person who reports misconduct by judicial staff is confidential (DOMAIN.md, "What national law adds"): only
    /// the clue administrator and the procurator assigned to the clue see who it is.
    /// </summary>
    public bool SeesReporterOf(string? kind, long? assignedProcuratorId) =>
        kind != ClueKinds.JudicialMisconduct || IsClueAdministrator || (StaffId is { } me && me == assignedProcuratorId);

    public static async Task<ClueViewer> ForAsync(NpgsqlDataSource dataSource, CurrentUser user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var staffId = await connection.ExecuteScalarAsync<long?>(
            "select id from supervision.staff where account_id = @AccountId", new { user.AccountId });
        return new ClueViewer(user.Username, user.Roles, staffId);
    }
}
