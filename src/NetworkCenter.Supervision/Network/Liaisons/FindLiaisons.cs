using Dapper;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Supervision.Persistence;
using NetworkCenter.Supervision.Validation;
using Npgsql;

namespace NetworkCenter.Supervision.Network.Liaisons;

/// <summary>A liaison of the network: who they are, where they belong, what they know and whom they are tied to.</summary>
public sealed record Liaison(
    long Id, string Name, string Unit, long? OfficeId, string? OfficeName, string? Phone, string? Email, string Language,
    string[] Expertise, string[] Groups, bool Active, long? AccountId, string? Username, IReadOnlyList<LiaisonTie> Ties,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A declared tie (withdrawn ties are kept in the table, not shown).</summary>
public sealed record LiaisonTie(long Id, string Kind, string Name, string? IdNumber, string? Note, DateTimeOffset CreatedAt);

/// <summary>Lists, searches and reads liaisons.</summary>
internal sealed class FindLiaisons(NpgsqlDataSource database)
{
    public sealed record Query(
        string? Q = null, long? OfficeId = null, string? Expertise = null, string? Group = null, bool? Active = null,
        int? Page = null, int? PageSize = null);

    private const string Select =
        """
        select l.id, l.name, l.unit, l.office_id as OfficeId, o.name as OfficeName, l.phone, l.email, l.language, l.expertise, l.groups,
               l.active, l.account_id as AccountId, a.username, l.created_at as CreatedAt, l.updated_at as UpdatedAt
        from supervision.liaisons l
        left join supervision.offices o on o.id = l.office_id
        left join supervision.accounts a on a.id = l.account_id
        """;

    private sealed record Row
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Unit { get; init; } = "";
        public long? OfficeId { get; init; }
        public string? OfficeName { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string Language { get; init; } = "";
        public string[] Expertise { get; init; } = [];
        public string[] Groups { get; init; } = [];
        public bool Active { get; init; }
        public long? AccountId { get; init; }
        public string? Username { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    private sealed record TieRow(long Id, long LiaisonId, string Kind, string Name, string? IdNumber, string? Note, DateTime CreatedAt);

    public async Task<Liaison?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, id);
    }

    internal static async Task<Liaison?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select + " where l.id = @id", new { id }, transaction);
        return row is null ? null : (await WithTiesAsync(connection, transaction, [row]))[0];
    }

    public async Task<Outcome<Paged<Liaison>>> ListAsync(Query query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.Check(errors, query.Page, query.PageSize);
        var group = query.Group is null ? null : errors.OneOf("group", query.Group, Vocabulary.LiaisonGroups);
        var expertise = query.Expertise is null ? null : errors.Codes("expertise", [query.Expertise]).FirstOrDefault();
        if (errors.Any)
        {
            return errors;
        }
        const string Where =
            """
            where (@q::text is null or l.name ilike @q or l.unit ilike @q or l.email ilike @q or l.phone ilike @q)
              and (@officeId::bigint is null or l.office_id = @officeId)
              and (@expertise::text is null or @expertise = any(l.expertise))
              and (@group::text is null or @group = any(l.groups))
              and (@active::boolean is null or l.active = @active)
            """;
        var parameters = new { q = PageRequest.Like(query.Q), query.OfficeId, expertise, group, query.Active, paging.Limit, paging.Offset };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>("select count(*) from supervision.liaisons l " + Where, parameters);
        var rows = await connection.QueryAsync<Row>(Select + " " + Where + " order by l.name, l.id limit @Limit offset @Offset", parameters);
        return new Paged<Liaison>(await WithTiesAsync(connection, null, [.. rows]), total, paging.Page, paging.PageSize);
    }

    private static async Task<IReadOnlyList<Liaison>> WithTiesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<Row> rows)
    {
        var ties = (await connection.QueryAsync<TieRow>(
            """
            select id, liaison_id as LiaisonId, tie_kind as Kind, name, id_number as IdNumber, note, created_at as CreatedAt
            from supervision.liaison_ties where liaison_id = any(@ids) and withdrawn_at is null order by id
            """,
            new { ids = rows.Select(r => r.Id).ToArray() }, transaction)).ToLookup(t => t.LiaisonId);
        return
        [
            .. rows.Select(r => new Liaison(
                r.Id, r.Name, r.Unit, r.OfficeId, r.OfficeName, r.Phone, r.Email, r.Language, r.Expertise, r.Groups, r.Active, r.AccountId,
                r.Username, [.. ties[r.Id].Select(t => new LiaisonTie(t.Id, t.Kind, t.Name, t.IdNumber, t.Note, t.CreatedAt.AsInstant()))],
                r.CreatedAt.AsInstant(), r.UpdatedAt.AsInstant())),
        ];
    }
}
