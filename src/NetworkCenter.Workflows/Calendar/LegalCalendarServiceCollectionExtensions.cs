using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkCenter.Workflows.Calendar;

public static class LegalCalendarServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="ILegalCalendar"/> over the holiday table (needs an <c>NpgsqlDataSource</c> and a
    /// <see cref="TimeProvider"/>), the table's store, <see cref="DeadlineLights"/>, and the settings under <c>Calendar</c> and
    /// <c>Calendar:Warnings</c>.
    /// </summary>
    public static IServiceCollection AddLegalCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LegalCalendarOptions>()
            .Bind(configuration.GetSection(LegalCalendarOptions.Section))
            .Validate(o => o.HolidayRefreshInterval > TimeSpan.Zero, "Calendar:HolidayRefreshInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<DeadlineWarningOptions>()
            .Bind(configuration.GetSection(DeadlineWarningOptions.Section))
            .Validate(o => o.YellowWithinDays >= 0 && o.YellowFraction is >= 0 and <= 1,
                "Calendar:Warnings:YellowWithinDays must not be negative and YellowFraction must lie between 0 and 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeadlineLights>();
        services.TryAddSingleton<HolidayCache>();
        services.TryAddSingleton<HolidayStore>();
        services.TryAddSingleton<LegalCalendar>();
        services.TryAddSingleton<ILegalCalendar>(sp => sp.GetRequiredService<LegalCalendar>());
        return services;
    }
}
