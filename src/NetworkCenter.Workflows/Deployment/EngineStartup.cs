using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkCenter.Workflows.Scheduling;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>
/// At start-up: registers the sweeper and the timer hand-over with Hangfire and deploys every <c>*.bpmn</c> of the workflows folder (a new
/// version only for a changed file). A refused file is logged with its problems and the others still deploy.
/// </summary>
internal sealed class EngineStartup(
    WorkflowFolders folders, Deployer deployer, IRecurringJobManager recurring, ILogger<EngineStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobRegistration.Register(Sweeper.RecurringJobId,
            () => recurring.AddOrUpdate<Sweeper>(Sweeper.RecurringJobId, sweeper => sweeper.SweepAsync(CancellationToken.None), Cron.Minutely()), logger);
        RecurringJobRegistration.Register(TimerHandOver.RecurringJobId,
            () => recurring.AddOrUpdate<TimerHandOver>(TimerHandOver.RecurringJobId, handOver => handOver.HandOverAsync(CancellationToken.None), TimerHandOver.Cron),
            logger);
        var directory = folders.Definitions;
        if (!Directory.Exists(directory))
        {
            logger.LogInformation("No workflows folder at {Directory}; nothing deployed at start-up", directory);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.bpmn").Order(StringComparer.Ordinal))
        {
            try
            {
                var xml = await File.ReadAllTextAsync(file, cancellationToken);
                foreach (var deployed in await deployer.DeployAsync(xml, "system", cancellationToken))
                {
                    logger.LogInformation("{File}: {Key} version {Version}{Unchanged}", Path.GetFileName(file), deployed.Key, deployed.Version,
                        deployed.Created ? "" : " (unchanged)");
                }
            }
            catch (DefinitionRejectedException e)
            {
                logger.LogError("{File} was not deployed: {Problems}", Path.GetFileName(file), e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
