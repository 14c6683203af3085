using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NetworkCenter.Workflows.Expressions;

public static class ExpressionServiceCollectionExtensions
{
    /// <summary>Registers the sandboxed <see cref="IExpressionEvaluator"/> (one per application: it caches parsed scripts).</summary>
    public static IServiceCollection AddWorkflowExpressions(this IServiceCollection services)
    {
        services.AddOptions<ExpressionOptions>().BindConfiguration(ExpressionOptions.Section);
        services.TryAddSingleton<IExpressionEvaluator>(sp => new JintExpressionEvaluator(sp.GetRequiredService<IOptions<ExpressionOptions>>().Value));
        return services;
    }
}
