using Dapper;
using Microsoft.Extensions.Logging;
using NetworkCenter.Supervision.Persistence;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures.ClueIntake;

/// <summary>
/// A recurring sweep: a registered clue whose intake did not start (the request that registered it failed after the
/// registration committed, or the clue came in through a seed or an import) is started here, so no clue is left
/// without its procedure.
/// </summary>
internal sealed class StartMissingClueIntakes(
    StartClueIntake start, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<StartMissingClueIntakes> logger)
{
    public const string RecurringJobId = "clue-intake-sweep";

    // Leaves the registering request time to start the intake itself before the sweep steps in.
    internal static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private sealed record Missing(long Id, string RegisterNumber);

    /// <summary>Starts intake for every clue still at <c>registered</c> with none; returns how many it started.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Missing> missing;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            missing = [.. await connection.QueryAsync<Missing>("""
                select c.id, c.register_number as RegisterNumber
                from supervision.clues c
                where c.status = 'registered' and c.updated_at < @before
                  and not exists (
                      select 1 from engine.instances i join engine.definitions d on d.id = i.definition_id
                      where d.key = @DefinitionKey and i.business_key = c.id::text)
                  and exists (select 1 from engine.definitions d where d.key = @DefinitionKey)
                order by c.id
                limit 500
                """, new { before = clock.UtcNow() - Grace, StartClueIntake.DefinitionKey })];
        }
        foreach (var clue in missing)
        {
            await start.StartAsync(clue.Id, clue.RegisterNumber, "system", cancellationToken);
            logger.LogInformation("Started the missing intake of clue {RegisterNumber}", clue.RegisterNumber);
        }
        return missing.Count;
    }
}
