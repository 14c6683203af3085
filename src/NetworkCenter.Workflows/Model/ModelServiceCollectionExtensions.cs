using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model;

public static class ModelServiceCollectionExtensions
{
    /// <summary>Registers the expression evaluator and the <see cref="DefinitionValidator"/> that deploy uses.</summary>
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services)
    {
        services.AddWorkflowExpressions();
        services.TryAddSingleton<DefinitionValidator>();
        return services;
    }
}
