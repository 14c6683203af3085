using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Mail;
using NetworkCenter.Supervision.Mail.Outbox;
using Npgsql;

namespace NetworkCenter.Web.Hosting;

public static class HealthChecks
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("hangfire")
            .AddCheck<MailOutboxHealthCheck>("mail-outbox");
        return builder;
    }

    /// <summary><c>/health</c>: 200 when every check is healthy, 503 otherwise, with each check's status and reason as JSON.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                var body = new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                };
                return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
            },
        }).AllowAnonymous();

    private sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                await using var command = dataSource.CreateCommand("select current_database()");
                var name = await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy($"connected to {name}");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        }
    }

    /// <summary>Degraded, not unhealthy: the service works while mail waits, but someone should look at the SMTP server.</summary>
    private sealed class MailOutboxHealthCheck(MailBacklog backlog, IOptionsMonitor<SmtpOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                var summary = await backlog.GetAsync(limit: 0, cancellationToken);
                var waiting = $"{summary.Queued} queued, {summary.Failing} failing, {summary.GivenUp} given up";
                if (summary.GivenUp > 0 || summary.OldestAge > options.CurrentValue.BacklogDegradedAfter)
                {
                    return HealthCheckResult.Degraded(
                        $"{waiting}; the oldest undelivered message has waited {summary.OldestAge.TotalMinutes:0} min");
                }
                return HealthCheckResult.Healthy(waiting);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Degraded($"the outbox cannot be read: {e.Message}");
            }
        }
    }

    private sealed class SchedulerHealthCheck(JobStorage storage) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                var servers = storage.GetMonitoringApi().Servers();
                // Hangfire records heartbeats on the real clock, whatever the service's clock says.
                var alive = servers.Count(s => s.Heartbeat is { } beat && TimeProvider.System.GetUtcNow().UtcDateTime - beat < TimeSpan.FromMinutes(1));
                return Task.FromResult(alive > 0
                    ? HealthCheckResult.Healthy($"{alive} server(s) alive")
                    : HealthCheckResult.Unhealthy("no Hangfire server has sent a heartbeat in the last minute"));
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
            }
        }
    }
}
