using Dapper;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Staff;

/// <summary>A staff member of the procuratorate: the person and their account's roles.</summary>
public sealed record StaffMember(
    long Id, long AccountId, string Username, string Name, string? Title, string? Phone, string? Email, string Language,
    string[] Roles, bool Active, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Lists and reads staff members; any staff member may, to know whom to assign and whom to call.</summary>
internal sealed class FindStaff(NpgsqlDataSource database)
{
    public sealed record Query(string? Q = null, string? Role = null, bool? Active = null, int? Page = null, int? PageSize = null);

    private const string Select =
        """
        select s.id, s.account_id as AccountId, a.username, s.name, s.title, s.phone, s.email, a.language, a.roles, s.active,
               a.locked_until as LockedUntil, s.created_at as CreatedAt, s.updated_at as UpdatedAt
        from supervision.staff s join supervision.accounts a on a.id = s.account_id
        """;

    private sealed record Row
    {
        public long Id { get; init; }
        public long AccountId { get; init; }
        public string Username { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Title { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string Language { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public bool Active { get; init; }
        public DateTime? LockedUntil { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public StaffMember ToStaffMember() => new(Id, AccountId, Username, Name, Title, Phone, Email, Language, Roles, Active,
            LockedUntil?.AsInstant(), CreatedAt.AsInstant(), UpdatedAt.AsInstant());
    }

    public async Task<StaffMember?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, id);
    }

    internal static async Task<StaffMember?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(Select + " where s.id = @id", new { id }, transaction))?.ToStaffMember();

    public async Task<Outcome<Paged<StaffMember>>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Check(errors, query.Page, query.PageSize);
        var role = query.Role is null ? null : errors.OneOf("role", query.Role, Accounts.Roles.Staff);
        if (errors.Any)
        {
            return errors;
        }
        var where = """
            where (@q::text is null or s.name ilike @q or a.username ilike @q or s.title ilike @q)
              and (@role::text is null or @role = any(a.roles))
              and (@active::boolean is null or s.active = @active)
            """;
        var parameters = new { q = PageRequest.Like(query.Q), role, active = query.Active, paging.Limit, paging.Offset };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(
            "select count(*) from supervision.staff s join supervision.accounts a on a.id = s.account_id " + where, parameters);
        var rows = await connection.QueryAsync<Row>(Select + " " + where + " order by s.name, s.id limit @Limit offset @Offset", parameters);
        return new Paged<StaffMember>([.. rows.Select(r => r.ToStaffMember())], total, paging.Page, paging.PageSize);
    }
}
