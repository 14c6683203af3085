using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkCenter.Workflows.Calendar;

public static class LegalCalendarServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="ILegalCalendar"/> over the holiday table (needs an <c>NpgsqlDataSource</c> and a
    /// <see cref="TimeProvider"/>), the table's store, and the settings under <c>Calendar</c>.
    /// </summary>
    public static IServiceCollection AddLegalCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LegalCalendarOptions>()
            .Bind(configuration.GetSection(LegalCalendarOptions.Section))
            .Validate(o => o.HolidayRefreshInterval > TimeSpan.Zero, "Calendar:HolidayRefreshInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HolidayCache>();
        services.TryAddSingleton<HolidayStore>();
        services.TryAddSingleton<LegalCalendar>();
        services.TryAddSingleton<ILegalCalendar>(sp => sp.GetRequiredService<LegalCalendar>());
        return services;
    }
}
