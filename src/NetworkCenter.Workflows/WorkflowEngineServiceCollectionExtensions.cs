using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Workflows.Deployment;
using NetworkCenter.Workflows.Forms;
using NetworkCenter.Workflows.Incidents;
using NetworkCenter.Workflows.Instances;
using NetworkCenter.Workflows.Messages;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Runtime;
using NetworkCenter.Workflows.Scheduling;
using NetworkCenter.Workflows.Tasks;

namespace NetworkCenter.Workflows;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine: commands, Hangfire jobs, start-up deployment of the workflows folder, and every
    /// <see cref="IServiceTaskHandler"/> found in <paramref name="handlerAssemblies"/> (and the engine's own).
    /// Needs an <c>NpgsqlDataSource</c>, a <see cref="TimeProvider"/> and Hangfire registered by the host.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration, params Assembly[] handlerAssemblies)
    {
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section))
            .Validate(o => o.TimerHorizon >= TimeSpan.FromMinutes(1), "Workflows:TimerHorizon must be at least one minute.")
            .ValidateOnStart();
        services.AddWorkflowDefinitions();
        services.TryAddSingleton<WorkflowFolders>();
        services.TryAddSingleton<ModelReader>();
        services.TryAddSingleton<ExpressionRunner>();
        services.TryAddSingleton<DefinitionCache>();
        services.TryAddSingleton<RuntimeServices>();
        services.TryAddSingleton<CommandRunner>();
        services.TryAddSingleton<EngineScheduler>();
        services.TryAddSingleton<TimerFiring>();
        services.TryAddSingleton<JobExecution>();
        services.TryAddSingleton<ClockAdvancer>();
        services.TryAddSingleton<HandlerTopics>();
        services.TryAddSingleton<Deployer>();
        services.TryAddSingleton<InstanceCommands>();
        services.TryAddSingleton<InstanceVariableCommands>();
        services.TryAddSingleton<TaskForms>();
        services.TryAddSingleton<TaskCommands>();
        services.TryAddSingleton<MessageCorrelation>();
        services.TryAddSingleton<IncidentCommands>();
        services.TryAddTransient<TimerJob>();
        services.TryAddTransient<WorkJob>();
        services.TryAddTransient<Sweeper>();
        services.TryAddTransient<TimerHandOver>();
        services.Scan(scan => scan
            .FromAssemblies([typeof(WorkflowEngineServiceCollectionExtensions).Assembly, .. handlerAssemblies])
            .AddClasses(classes => classes.AssignableTo<IServiceTaskHandler>(), publicOnly: false)
            .As<IServiceTaskHandler>()
            .WithScopedLifetime());
        services.AddHostedService<EngineStartup>();
        return services;
    }
}
