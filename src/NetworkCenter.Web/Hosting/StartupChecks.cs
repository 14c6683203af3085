using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Web.Hosting;

/// <summary>
/// Everything checked before the service starts serving: settings that are refused, then the database. A failure is
/// one log line saying what is wrong and the process exits with code 1.
/// </summary>
public static class StartupChecks
{
    public static async Task<bool> PrepareAsync(this WebApplication app)
    {
        var clock = app.Services.GetRequiredService<ClockOptions>();
        if (clock.IsManual && app.Environment.IsProduction())
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NetworkCenter.Startup")
                .LogCritical("Cannot start: Clock:Mode=Manual is refused in Production; deadlines must follow the real clock.");
            return false;
        }
        return await app.PrepareDatabaseAsync();
    }
}
