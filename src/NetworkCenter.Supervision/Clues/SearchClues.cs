using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// The register searched by status, kind, source, liaison, office, received date range (China dates, both ends
/// included) and text, paged and sorted. Text matches summary, court, case number, judge, parties and agents through a
/// trigram index, so a fragment of a Chinese name or case number is found without word segmentation.
/// </summary>
internal sealed class SearchClues(NpgsqlDataSource dataSource)
{
    /// <summary>Every value as the query string gave it, so a malformed one is reported by name.</summary>
    public sealed record Query(string? Status, string? Kind, string? Source, string? LiaisonId, string? OfficeId, string? From, string? To,
        string? Q, string? Page, string? PageSize, string? Sort);

    public sealed record Item(long Id, string? RegisterNumber, string Status, string? Kind, string? PublicInterestArea, string SourceKind,
        long? OfficeId, long? LiaisonId, DateTime ReceivedAt, string? Court, string? CaseNumber, string Summary, long? MergedIntoId, long? AssignedProcuratorId);

    public sealed record Page(IReadOnlyList<Item> Items, int PageNumber, int PageSize, long Total);

    private static readonly Dictionary<string, string> Sorts = new(StringComparer.Ordinal)
    {
        ["receivedAt"] = "c.received_at", ["registerNumber"] = "c.register_year, c.register_seq", ["status"] = "c.status",
        ["kind"] = "c.kind", ["court"] = "c.court",
    };

    public async Task<(Page? Page, ProblemList Errors)> HandleAsync(Query query, ClueViewer viewer, CancellationToken cancellationToken)
    {
        var errors = new ProblemList();
        var where = new StringBuilder("where true");
        var parameters = new DynamicParameters();
        var statuses = Values(query.Status, ClueVocabulary.Statuses, "status", errors);
        if (statuses is not null)
        {
            where.Append(" and c.status = any(@statuses)");
            parameters.Add("statuses", statuses);
        }
        var kinds = Values(query.Kind, ClueVocabulary.Kinds, "kind", errors);
        if (kinds is not null)
        {
            where.Append(" and c.kind = any(@kinds)");
            parameters.Add("kinds", kinds);
        }
        var sources = Values(query.Source, new HashSet<string>(ClueVocabulary.DeclarableSources) { SourceKinds.Email }, "source", errors);
        if (sources is not null)
        {
            where.Append(" and exists (select 1 from supervision.clue_sources s where s.clue_id = c.id and s.source_kind = any(@sources))");
            parameters.Add("sources", sources);
        }
        if (Id(query.LiaisonId, "liaisonId", errors) is { } liaisonId)
        {
            where.Append(" and exists (select 1 from supervision.clue_sources s where s.clue_id = c.id and s.liaison_id = @liaisonId)");
            parameters.Add("liaisonId", liaisonId);
            // Which liaison reported misconduct is confidential: the filter must not reveal it either.
            if (!viewer.IsClueAdministrator)
            {
                where.Append(" and (c.kind is distinct from 'judicial-misconduct' or c.assigned_procurator_id = @viewerStaffId)");
                parameters.Add("viewerStaffId", viewer.StaffId ?? 0);
            }
        }
        if (Id(query.OfficeId, "officeId", errors) is { } officeId)
        {
            where.Append(" and exists (select 1 from supervision.clue_sources s where s.clue_id = c.id and s.office_id = @officeId)");
            parameters.Add("officeId", officeId);
        }
        if (Date(query.From, "from", errors) is { } from)
        {
            where.Append(" and c.received_at >= @from");
            parameters.Add("from", ChinaMidnight(from));
        }
        if (Date(query.To, "to", errors) is { } to)
        {
            where.Append(" and c.received_at < @to");
            parameters.Add("to", ChinaMidnight(to.AddDays(1)));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // The normalised form too, so （2025）冀0123民初 456 号 finds (2025)冀0123民初456号.
            where.Append(" and (c.search_text ilike @q escape '\\' or c.search_text ilike @qKey escape '\\')");
            parameters.Add("q", Like(query.Q.Trim()));
            parameters.Add("qKey", Like(ClueKeys.Of(query.Q)!));
        }
        var page = Number(query.Page, "page", 1, int.MaxValue, 1, errors);
        var pageSize = Number(query.PageSize, "pageSize", 1, 100, 20, errors);
        var order = Order(query.Sort, errors);
        if (errors.Any)
        {
            return (null, errors);
        }
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (long)(page - 1) * pageSize);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"select count(*) from supervision.clues c {where}", parameters);
        var rows = await connection.QueryAsync<Item>($"""
            select c.id as Id, c.register_number as RegisterNumber, c.status as Status, c.kind as Kind,
                c.public_interest_area as PublicInterestArea, c.source_kind as SourceKind, c.office_id as OfficeId, c.liaison_id as LiaisonId,
                c.received_at as ReceivedAt, c.court as Court, c.case_number as CaseNumber, left(c.summary, 300) as Summary,
                c.merged_into_id as MergedIntoId, c.assigned_procurator_id as AssignedProcuratorId
            from supervision.clues c {where}
            order by {order}, c.id
            limit @limit offset @offset
            """, parameters);
        // The liaison who brought a misconduct clue is its reporter: hidden as on the clue itself.
        var items = rows.Select(item => viewer.SeesReporterOf(item.Kind, item.AssignedProcuratorId) ? item : item with { LiaisonId = null });
        return (new Page([.. items], page, pageSize, total), new ProblemList());
    }

    private static string[]? Values(string? raw, IReadOnlySet<string> allowed, string field, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var values = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var unknown in values.Where(v => !allowed.Contains(v)))
        {
            errors.Add(field, ClueMessages.NotAllowedValue(unknown, allowed));
        }
        return values;
    }

    private static long? Id(string? raw, string field, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        errors.Add(field, ClueMessages.PositiveWholeNumber());
        return null;
    }

    private static DateOnly? Date(string? raw, string field, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, ClueMessages.DateLike());
        return null;
    }

    private static int Number(string? raw, string field, int min, int max, int fallback, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        errors.Add(field, ClueMessages.WholeNumberFrom(min, max));
        return fallback;
    }

    private static string Order(string? raw, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "c.received_at desc";
        var descending = raw.StartsWith('-');
        var key = raw.TrimStart('-', '+');
        if (!Sorts.TryGetValue(key, out var columns))
        {
            errors.Add("sort", ClueMessages.Sort(Sorts.Keys));
            return "c.id";
        }
        return string.Join(", ", columns.Split(", ").Select(c => descending ? c + " desc nulls last" : c));
    }

    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static DateTime ChinaMidnight(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), RegisterNumbers.ChinaOffset).UtcDateTime;
}
