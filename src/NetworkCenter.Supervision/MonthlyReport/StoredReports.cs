using Dapper;
using Npgsql;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>The built reports, for the reviewer's link and the statistics page: the list, and one PDF of one revision.</summary>
public sealed class StoredReports(NpgsqlDataSource dataSource)
{
    public sealed record Entry(long Id, Guid InstanceId, int Revision, DateOnly Month, DateTimeOffset BuiltAt);

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, Guid InstanceId, int Revision, DateOnly Month, DateTime BuiltAt)>(new CommandDefinition("""
            select id, instance_id, revision, month, built_at from supervision.monthly_reports order by month desc, id desc limit 120
            """, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Entry(r.Id, r.InstanceId, r.Revision, r.Month, new DateTimeOffset(DateTime.SpecifyKind(r.BuiltAt, DateTimeKind.Utc))))];
    }

    /// <summary>The PDF for <paramref name="audience"/> (the congress version exists in Chinese only); null when there is no such report.</summary>
    public async Task<(string FileName, byte[] Content)?> PdfAsync(long id, ReportAudience audience, string language, CancellationToken cancellationToken)
    {
        var column = audience == ReportAudience.Congress ? "congress_zh" : language == "en" ? "members_en" : "members_zh";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(DateOnly Month, byte[] Content)?>(new CommandDefinition(
            $"select month, {column} from supervision.monthly_reports where id = @id", new { id }, cancellationToken: cancellationToken));
        if (row is not { } found)
        {
            return null;
        }
        var prefix = audience == ReportAudience.Congress ? "monthly-figures" : "monthly-report";
        return ($"{prefix}-{found.Month:yyyy-MM}.pdf", found.Content);
    }
}
