using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace NetworkCenter.Workflows.Scheduling;

/// <summary>
/// Registers a recurring Hangfire job at start-up, waiting out the job's lock when a process killed while it triggered
/// that job left the lock row behind. Hangfire gives up after 15 s, which failed the start of the next process for as
/// long as the row lived (found by the fault harness, RELIABILITY.md); the row is taken over once it is older than
/// <c>Hangfire:DistributedLockTimeout</c>, so waiting a little longer than that always succeeds.
/// </summary>
internal static class RecurringJobRegistration
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static void Register(string recurringJobId, Action register, ILogger logger)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            try
            {
                register();
                return;
            }
            catch (Exception e) when ((e is PostgreSqlDistributedLockException or DistributedLockTimeoutException) && TimeProvider.System.GetUtcNow() < deadline)
            {
                logger.LogWarning("The recurring job {RecurringJobId} is locked, probably by a process that died holding it; waiting for the lock to expire",
                    recurringJobId);
            }
        }
    }
}
