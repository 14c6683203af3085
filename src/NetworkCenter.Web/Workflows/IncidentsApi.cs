using System.Security.Claims;
using NetworkCenter.Web.Auth;
using NetworkCenter.Workflows.Incidents;

namespace NetworkCenter.Web.Workflows;

public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/incidents").WithTags("Incidents").WithEngineErrors();
        api.MapGet("", async (Guid? instanceId, IncidentCommands incidents, CancellationToken ct) =>
            TypedResults.Ok(await incidents.ListAsync(instanceId, ct)));
        api.MapPost("/{id:guid}/retry", async (Guid id, IncidentCommands incidents, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await incidents.RetryAsync(id, user.Identity?.Name, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthServiceCollectionExtensions.AdministratorPolicy);
        return api;
    }
}
