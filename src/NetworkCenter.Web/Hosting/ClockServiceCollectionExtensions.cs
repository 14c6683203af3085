using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Web.Hosting;

public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="TimeProvider"/> every clock read goes through: the system clock, or a manual one outside
    /// Production. A manual clock asked for in Production is refused at start-up by <see cref="StartupChecks"/>.
    /// </summary>
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        builder.Services.AddSingleton(options);
        if (options.IsManual && !builder.Environment.IsProduction())
        {
            var clock = new ManualClock(options.Start ?? DateTimeOffset.UtcNow);
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
        return builder;
    }
}
