using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Supervision.Procedures.Argumentation;
using NetworkCenter.Supervision.Procedures.ClueIntake;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Supervision.Procedures;

public static class ProceduresServiceCollectionExtensions
{
    /// <summary>What the service-task handlers of <c>workflows/*.bpmn</c> share; the handlers are found by the engine's scan.</summary>
    public static IServiceCollection AddProcedures(this IServiceCollection services)
    {
        services.TryAddScoped<ProcedureWork>();
        services.TryAddSingleton<StartClueIntake>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskCompletionCheck, ParticipantsCheck>());
        return services;
    }
}
