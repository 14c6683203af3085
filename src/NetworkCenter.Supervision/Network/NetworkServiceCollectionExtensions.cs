using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Supervision.Network.Demo;
using NetworkCenter.Supervision.Network.Liaisons;
using NetworkCenter.Supervision.Network.Offices;
using NetworkCenter.Supervision.Network.Staff;
using NetworkCenter.Supervision.Seeding;

namespace NetworkCenter.Supervision.Network;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>The use cases of the network: offices and points, liaisons, staff; and the demo network.</summary>
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.TryAddSingleton<FindOffices>();
        services.TryAddSingleton<RegisterOffice>();
        services.TryAddSingleton<ChangeOffice>();
        services.TryAddSingleton<FindStaff>();
        services.TryAddSingleton<RegisterStaff>();
        services.TryAddSingleton<ChangeStaff>();
        services.TryAddSingleton<FindLiaisons>();
        services.TryAddSingleton<RegisterLiaison>();
        services.TryAddSingleton<ChangeLiaison>();
        services.TryAddSingleton<ChangeOwnProfile>();
        services.TryAddSingleton<GrantLiaisonAccount>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupSeed, DemoNetworkSeed>());
        return services;
    }
}
