using System.Security.Claims;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Workflows;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Web.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    public const string DeployPolicy = "deploy-workflows";
    public const string StaffPolicy = "staff";

    /// <summary>The workflow engine with the service-task handlers of the engine, domain and host assemblies.</summary>
    public static WebApplicationBuilder AddWorkflows(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflowEngine(builder.Configuration,
            typeof(Roles).Assembly, typeof(WorkflowsServiceCollectionExtensions).Assembly);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DeployPolicy, policy => policy.RequireRole(Roles.Supervisor, Roles.SystemAdministrator))
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(Roles.Staff));
        return builder;
    }

    /// <summary>Every engine endpoint under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapWorkflowApis(this IEndpointRouteBuilder routes)
    {
        routes.MapDefinitionsApi();
        routes.MapInstancesApi();
        routes.MapTasksApi();
        routes.MapMessagesApi();
        routes.MapIncidentsApi();
        routes.MapClockApi();
        return routes;
    }

    internal static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "anonymous", user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>Turns a refused command into problem details: 404, 409, 403 or 400.</summary>
    internal static RouteGroupBuilder WithEngineErrors(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (EngineException e)
            {
                var status = e.Error switch
                {
                    EngineError.NotFound => StatusCodes.Status404NotFound,
                    EngineError.Conflict => StatusCodes.Status409Conflict,
                    EngineError.Forbidden => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status400BadRequest,
                };
                return TypedResults.Problem(statusCode: status, title: e.Message);
            }
        });
        return group;
    }
}
