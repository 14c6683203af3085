using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkCenter.Workflows.Scheduling;
using Npgsql;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Runs a command as one PostgreSQL transaction, then hands the Hangfire work it created to the scheduler. A crash
/// between commit and dispatch loses no work: the sweeper finds due rows whose job never ran.
/// </summary>
internal sealed class CommandRunner(
    NpgsqlDataSource dataSource, TimeProvider clock, EngineScheduler scheduler, IOptions<WorkflowOptions> options, ILogger<CommandRunner> logger)
{
    public async Task<T> RunAsync<T>(string? user, Func<CommandContext, Task<T>> body, CancellationToken cancellationToken)
    {
        List<Dispatch> dispatches;
        T result;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Npgsql writes timestamptz only from UTC offsets; a manual clock may have started at +08:00.
            var context = new CommandContext(connection, transaction, clock.GetUtcNow().ToUniversalTime(), user,
                options.Value.TimerHorizon);
            result = await body(context);
            await context.FlushAndCommitAsync();
            dispatches = context.Dispatches;
        }
        foreach (var dispatch in dispatches)
        {
            try
            {
                scheduler.Dispatch(dispatch);
            }
            catch (Hangfire.BackgroundJobClientException e)
            {
                // The command is committed, so it succeeded: a database gone between commit and hand-over must not
                // turn it into an error the caller would retry. The sweeper dispatches the row once the database is back.
                logger.LogWarning(e, "{Kind} {Id} committed but not handed to Hangfire; the sweeper will", dispatch.Kind, dispatch.Id);
            }
        }
        return result;
    }

    public Task RunAsync(string? user, Func<CommandContext, Task> body, CancellationToken cancellationToken) =>
        RunAsync<bool>(user, async context =>
        {
            await body(context);
            return true;
        }, cancellationToken);
}
