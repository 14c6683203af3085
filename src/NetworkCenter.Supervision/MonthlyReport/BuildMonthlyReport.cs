using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// <c>monthly-report-build</c>: the report on the month that ended before the instance started (or <c>reportMonth</c>,
/// "2026-03", when someone starts one by hand), rendered for the members in both languages and for the county people's
/// congress, stored as revision <c>revision</c> with the administrator's <c>commentary</c>. A second run of the same
/// revision finds the stored row and builds nothing.
/// </summary>
internal sealed class BuildMonthlyReport(NpgsqlDataSource dataSource, ReportFiguresSource source, ReportDocument documents, TimeProvider clock)
    : IServiceTaskHandler
{
    public string Topic => "monthly-report-build";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var revision = context.Variables["revision"] is JsonValue value && value.TryGetValue<double>(out var number) ? (int)number : 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var month = await MonthAsync(connection, context, cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "select id from supervision.monthly_reports where instance_id = @InstanceId and revision = @revision",
            new { context.InstanceId, revision }, cancellationToken: cancellationToken));
        if (id is null)
        {
            var figures = await source.LoadAsync(month, cancellationToken);
            var commentary = context.GetString("commentary");
            var now = clock.GetUtcNow();
            id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
                insert into supervision.monthly_reports
                    (instance_id, revision, month, commentary, figures, members_zh, members_en, congress_zh, built_at)
                values (@InstanceId, @revision, @month, @commentary, @figures::jsonb, @membersZh, @membersEn, @congressZh, @now)
                on conflict (instance_id, revision) do nothing
                returning id
                """, new
            {
                context.InstanceId,
                revision,
                month = month.Start.Date,
                commentary,
                figures = JsonSerializer.Serialize(figures),
                membersZh = documents.Render(figures, ReportAudience.Members, "zh-CN", commentary, now),
                membersEn = documents.Render(figures, ReportAudience.Members, "en", commentary, now),
                congressZh = documents.Render(figures, ReportAudience.Congress, "zh-CN", null, now),
                now,
            }, cancellationToken: cancellationToken))
                // Another run of this job stored the same revision first.
                ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "select id from supervision.monthly_reports where instance_id = @InstanceId and revision = @revision",
                    new { context.InstanceId, revision }, cancellationToken: cancellationToken));
        }
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["reportMonth"] = month.ToString(),
            ["reportId"] = id,
            ["reportUrl"] = $"/api/monthly-reports/{id.Value.ToString(CultureInfo.InvariantCulture)}/pdf",
        });
    }

    private static async Task<ReportMonth> MonthAsync(NpgsqlConnection connection, ServiceTaskContext context, CancellationToken cancellationToken)
    {
        if (context.GetString("reportMonth") is { Length: > 0 } text)
        {
            return ReportMonth.TryParse(text, out var given)
                ? given
                : throw new InvalidOperationException($"reportMonth \"{text}\" is not a month such as 2026-03.");
        }
        // The instance's start, not the clock: a job run late or twice still reports on the same month.
        var started = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            "select started_at from engine.instances where id = @InstanceId", new { context.InstanceId }, cancellationToken: cancellationToken));
        return ReportMonth.EndedBefore(new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)));
    }
}
