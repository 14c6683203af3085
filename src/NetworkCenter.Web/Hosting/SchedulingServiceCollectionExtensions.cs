using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace NetworkCenter.Web.Hosting;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Hangfire on the service's own PostgreSQL database (schema <c>hangfire</c>) with a server in this host.</summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection(SchedulingOptions.Section));
        builder.Services.AddHangfire((sp, configuration) =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            var database = sp.GetRequiredService<NetworkCenterDatabase>();
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(
                    connection => connection.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        // An unreachable database must fail the start, not leave a server that schedules nothing.
                        AllowDegradedModeWithoutStorage = false,
                        QueuePollInterval = options.QueuePollInterval,
                        EnableLongPolling = true,
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = options.InvisibilityTimeout,
                        DistributedLockTimeout = options.DistributedLockTimeout,
                    });
        });
        builder.Services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            // This host's own container: otherwise Hangfire falls back to the static JobActivator.Current, which the
            // last host built sets, and jobs of one test host run in another's (possibly disposed) container.
            server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
        });
        return builder;
    }
}
