using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>The topics some registered <see cref="IServiceTaskHandler"/> serves: a definition using any other is refused.</summary>
internal sealed class HandlerTopics(IServiceScopeFactory scopes)
{
    public IReadOnlySet<string> Known()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetServices<IServiceTaskHandler>().Select(h => h.Topic).ToHashSet(StringComparer.Ordinal);
    }
}
