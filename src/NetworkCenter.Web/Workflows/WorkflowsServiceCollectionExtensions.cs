using System.Security.Claims;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Web.Localization;
using NetworkCenter.Workflows;
using NetworkCenter.Workflows.Localization;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Web.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>The workflow engine with the service-task handlers of the engine, domain and host assemblies.</summary>
    public static WebApplicationBuilder AddWorkflows(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkflowEngine(builder.Configuration,
            typeof(Roles).Assembly, typeof(WorkflowsServiceCollectionExtensions).Assembly);
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
                var problem = GeneralProblems.Problem(status, new ServerMessage(e.Code, e.Message));
                if (e.FieldErrors.Count > 0)
                {
                    // As ASP.NET's validation problems name fields ({field: [messages]}), with the rules' codes beside them.
                    problem.Extensions["errors"] = e.FieldErrors.GroupBy(f => f.Field)
                        .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray(), StringComparer.Ordinal);
                    problem.Extensions["codes"] = e.FieldErrors.GroupBy(f => f.Field)
                        .ToDictionary(g => g.Key, g => g.Select(f => f.Code).ToArray(), StringComparer.Ordinal);
                }
                return TypedResults.Problem(problem);
            }
        });
        return group;
    }
}
