using NetworkCenter.Supervision.Seeding;

namespace NetworkCenter.Web.Hosting;

public static class StartupSeeding
{
    /// <summary>
    /// Runs every <see cref="IStartupSeed"/> in order once the database is migrated. Demo seeds run only in Development
    /// and only while <c>Seed:Demo</c> is on (its default there); outside Development the setting is ignored.
    /// </summary>
    public static async Task SeedAsync(this WebApplication app)
    {
        var demo = app.Environment.IsDevelopment() && app.Configuration.GetValue("Seed:Demo", defaultValue: true);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NetworkCenter.Seeding");
        foreach (var seed in app.Services.GetServices<IStartupSeed>().OrderBy(s => s.Order))
        {
            if (seed.IsDemo && !demo)
            {
                continue;
            }
            logger.LogDebug("Seeding {Seed}", seed.GetType().Name);
            await seed.SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
