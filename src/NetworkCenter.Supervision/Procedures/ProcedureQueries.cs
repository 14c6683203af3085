using Dapper;
using NetworkCenter.Supervision.Clues;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures;

internal sealed record ClueFacts(
    long Id, string RegisterNumber, string Status, string Kind, string? Court, string? CaseNumber, string? Judge, string Summary,
    string? ReporterName, string? ReporterEmail, long? OfficeId, long? AssignedProcuratorId);

/// <summary>Someone a procedure writes to.</summary>
internal sealed record Recipient(string Key, string Name, string Email, string Language);

internal sealed record StaffMember(long StaffId, string Username, string Name, string? Phone, string? Email, string Language);

/// <summary>What handlers read about clues, liaisons and staff; plain SQL in the handler's transaction.</summary>
internal static class ProcedureQueries
{
    public static async Task<ClueFacts> ClueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId) =>
        await connection.QuerySingleOrDefaultAsync<ClueFacts>("""
            select id as Id, register_number as RegisterNumber, status as Status, kind as Kind, court as Court, case_number as CaseNumber,
                   judge as Judge, summary as Summary, reporter_name as ReporterName, reporter_email as ReporterEmail, office_id as OfficeId,
                   assigned_procurator_id as AssignedProcuratorId
            from supervision.clues where id = @clueId and register_number is not null
            """, new { clueId }, transaction)
        ?? throw new InvalidOperationException($"There is no registered clue {clueId}.");

    /// <summary>Every active liaison the clue came from (merges keep each source) who has an email address.</summary>
    public static async Task<IReadOnlyList<Recipient>> SourceLiaisonsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId) =>
        [.. await connection.QueryAsync<Recipient>("""
            select 'liaison-' || l.id as Key, l.name as Name, l.email as Email, l.language as Language
            from supervision.liaisons l
            where l.active and l.email is not null and l.email <> ''
              and (l.id in (select liaison_id from supervision.clue_sources where clue_id = @clueId)
                   or l.id = (select liaison_id from supervision.clues where id = @clueId))
            order by l.id
            """, new { clueId }, transaction)];

    /// <summary>Who sent the clue: its liaisons, else the reporter, else the office it came through.</summary>
    public static async Task<IReadOnlyList<Recipient>> SendersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ClueFacts clue)
    {
        var liaisons = await SourceLiaisonsAsync(connection, transaction, clue.Id);
        if (liaisons.Count > 0)
        {
            return liaisons;
        }
        if (!string.IsNullOrWhiteSpace(clue.ReporterEmail))
        {
            return [new Recipient("reporter", clue.ReporterName ?? "", clue.ReporterEmail, "zh-CN")];
        }
        return [.. await connection.QueryAsync<Recipient>("""
            select 'office-' || id as Key, coalesce(contact_person, name) as Name, email as Email, 'zh-CN' as Language
            from supervision.offices where id = @OfficeId and email is not null and email <> ''
            """, new { clue.OfficeId }, transaction)];
    }

    private const string StaffColumns = """
        select s.id as StaffId, a.username as Username, s.name as Name, coalesce(s.phone, a.phone) as Phone,
               coalesce(s.email, a.email) as Email, a.language as Language
        from supervision.staff s join supervision.accounts a on a.id = s.account_id
        """;

    public static Task<StaffMember?> StaffByUsernameAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string username) =>
        connection.QuerySingleOrDefaultAsync<StaffMember>($"{StaffColumns} where lower(a.username) = lower(@username)", new { username }, transaction);

    public static Task<StaffMember?> StaffByIdAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long staffId) =>
        connection.QuerySingleOrDefaultAsync<StaffMember>($"{StaffColumns} where s.id = @staffId", new { staffId }, transaction);

    public static async Task<IReadOnlyList<StaffMember>> StaffInRoleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string role) =>
        [.. await connection.QueryAsync<StaffMember>($"{StaffColumns} where @role = any(a.roles) and a.active and s.active order by s.id", new { role }, transaction)];

    /// <summary>Moves the clue to <paramref name="status"/> with a history entry; nothing when it is there already.</summary>
    public static async Task SetStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long clueId, string status, string note, DateTimeOffset at)
    {
        var current = await connection.ExecuteScalarAsync<string>(
            "select status from supervision.clues where id = @clueId for update", new { clueId }, transaction);
        if (current is null || current == status || current == "merged")
        {
            return;
        }
        await connection.ExecuteAsync("update supervision.clues set status = @status, updated_at = @at where id = @clueId",
            new { clueId, status, at }, transaction);
        await StatusHistory.AppendAsync(connection, transaction, clueId, current, status, "workflow", at, note);
    }
}
