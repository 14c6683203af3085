using Dapper;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Offices;

/// <summary>A liaison office or reporting point, hosted by a unit of one of <see cref="Vocabulary.HostUnitKinds"/>.</summary>
public sealed record Office(
    long Id, string Kind, string Name, string HostUnitKind, string HostUnit, string? Address, string? ContactPerson, string? Phone,
    string? Email, bool Active, int LiaisonCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Lists, searches and reads offices and reporting points.</summary>
internal sealed class FindOffices(NpgsqlDataSource database)
{
    public sealed record Query(
        string? Q = null, string? Kind = null, string? HostUnitKind = null, bool? Active = null, int? Page = null, int? PageSize = null);

    private const string Select =
        """
        select o.id, o.kind, o.name, o.host_unit_kind as HostUnitKind, o.host_unit as HostUnit, o.address, o.contact_person as ContactPerson,
               o.phone, o.email, o.active,
               (select count(*)::int from supervision.liaisons l where l.office_id = o.id and l.active) as LiaisonCount,
               o.created_at as CreatedAt, o.updated_at as UpdatedAt
        from supervision.offices o
        """;

    private sealed record Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Name { get; init; } = "";
        public string HostUnitKind { get; init; } = "";
        public string HostUnit { get; init; } = "";
        public string? Address { get; init; }
        public string? ContactPerson { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public bool Active { get; init; }
        public int LiaisonCount { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public Office ToOffice() => new(Id, Kind, Name, HostUnitKind, HostUnit, Address, ContactPerson, Phone, Email, Active, LiaisonCount,
            CreatedAt.AsInstant(), UpdatedAt.AsInstant());
    }

    public async Task<Office?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, id);
    }

    internal static async Task<Office?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id) =>
        (await connection.QuerySingleOrDefaultAsync<Row>(Select + " where o.id = @id", new { id }, transaction))?.ToOffice();

    public async Task<Outcome<Paged<Office>>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Check(errors, query.Page, query.PageSize);
        var kind = query.Kind is null ? null : errors.OneOf("kind", query.Kind, Vocabulary.OfficeKinds);
        var hostUnitKind = query.HostUnitKind is null ? null : errors.OneOf("hostUnitKind", query.HostUnitKind, Vocabulary.HostUnitKinds);
        if (errors.Any)
        {
            return errors;
        }
        const string Where =
            """
            where (@q::text is null or o.name ilike @q or o.host_unit ilike @q or o.contact_person ilike @q or o.address ilike @q)
              and (@kind::text is null or o.kind = @kind)
              and (@hostUnitKind::text is null or o.host_unit_kind = @hostUnitKind)
              and (@active::boolean is null or o.active = @active)
            """;
        var parameters = new { q = PageRequest.Like(query.Q), kind, hostUnitKind, query.Active, paging.Limit, paging.Offset };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>("select count(*) from supervision.offices o " + Where, parameters);
        var rows = await connection.QueryAsync<Row>(Select + " " + Where + " order by o.kind, o.name, o.id limit @Limit offset @Offset", parameters);
        return new Paged<Office>([.. rows.Select(r => r.ToOffice())], total, paging.Page, paging.PageSize);
    }
}
