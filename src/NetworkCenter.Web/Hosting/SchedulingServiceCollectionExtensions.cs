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
        // Jobs run in the process's language, as everything outside a request does (ServerLanguage), not in that of the
        // request that created them; and without the culture filter, creating a job stores no job parameters, which
        // Hangfire.PostgreSql writes as a second, batched statement in the creating transaction. Under a burst of requests
        // that create jobs (200 clue registrations at once), those transactions piled up idle in transaction, holding
        // every pool connection, and the burst took minutes (HangfireJobFacts, RegisterNumberFacts).
        GlobalJobFilters.Filters.Remove(typeof(CaptureCultureAttribute));
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
