using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkCenter.Supervision.MonthlyReport;

public static class MonthlyReportServiceCollectionExtensions
{
    /// <summary>The monthly report's renderer and stored reports; its two handlers are found by the engine's scan.</summary>
    public static IServiceCollection AddMonthlyReport(this IServiceCollection services)
    {
        services.TryAddSingleton<ReportDocument>();
        services.TryAddSingleton<StoredReports>();
        services.TryAddScoped<ReportFiguresSource>();
        return services;
    }
}
