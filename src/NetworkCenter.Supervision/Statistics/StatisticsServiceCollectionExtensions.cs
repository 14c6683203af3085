using Microsoft.Extensions.DependencyInjection;

namespace NetworkCenter.Supervision.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The statistics queries and the clue outcomes they count.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsQueries>();
        services.AddSingleton<ClueOutcomes>();
        return services;
    }
}
