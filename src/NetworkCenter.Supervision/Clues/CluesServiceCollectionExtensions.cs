using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkCenter.Supervision.Clues.Attachments;
using NetworkCenter.Supervision.Clues.Demo;
using NetworkCenter.Supervision.Seeding;

namespace NetworkCenter.Supervision.Clues;

public static class CluesServiceCollectionExtensions
{
    /// <summary>The clue register's use cases; each opens its own connection from the shared data source.</summary>
    public static IServiceCollection AddClues(this IServiceCollection services)
    {
        services.AddSingleton<RegisterClue>();
        services.AddSingleton<GetClue>();
        services.AddSingleton<ClueProcedures>();
        services.AddSingleton<ReadAttachment>();
        services.AddSingleton<MergeDuplicates>();
        services.AddSingleton<ConfirmDraft>();
        services.AddSingleton<CorrectClue>();
        services.AddSingleton<ClueTaskHandOver>();
        services.AddSingleton<SearchClues>();
        services.AddSingleton<LiaisonClues>();
        services.AddSingleton<DuplicatesOf>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupSeed, DemoCluesSeed>());
        return services;
    }
}
