using NetworkCenter.Supervision.Network;

namespace NetworkCenter.Web.Network;

/// <summary>The network center's records: offices and reporting points, liaisons, staff.</summary>
public static class NetworkApi
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        builder.Services.AddNetwork();
        return builder;
    }

    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder routes)
    {
        var network = routes.MapGroup("/api/network");
        network.MapOfficesApi();
        network.MapStaffApi();
        network.MapLiaisonsApi();
        routes.MapMyLiaisonApi();
        return routes;
    }
}
