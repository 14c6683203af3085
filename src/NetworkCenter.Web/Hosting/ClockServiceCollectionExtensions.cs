using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Web.Hosting;

public static class ClockServiceCollectionExtensions
{
    /// <summary>The <see cref="TimeProvider"/> every clock read goes through: the system clock, or a manual one outside Production.</summary>
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new ClockOptions();
        if (options.IsManual)
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException("Clock:Mode=Manual is refused in Production: deadlines must follow the real clock.");
            }
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
