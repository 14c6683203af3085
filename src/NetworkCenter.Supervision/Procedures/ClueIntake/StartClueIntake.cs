using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Instances;
using Npgsql;

namespace NetworkCenter.Supervision.Procedures.ClueIntake;

/// <summary>
/// A registered clue enters <c>clue-intake</c>, once: the business key is the clue's id, and a clue that already has an
/// intake instance keeps it.
/// </summary>
internal sealed class StartClueIntake(InstanceCommands instances, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string DefinitionKey = "clue-intake";

    public async Task<Guid> StartAsync(long clueId, string registerNumber, string actor, CancellationToken cancellationToken)
    {
        var businessKey = clueId.ToString(CultureInfo.InvariantCulture);
        // The connection is closed before the engine opens its own: holding one while waiting for another starves the
        // pool under a burst of registrations. The sweep below leaves clues alone for a minute, so the request and the
        // sweep do not race for the same clue.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var existing = await connection.QuerySingleOrDefaultAsync<Guid?>("""
                select i.id from engine.instances i join engine.definitions d on d.id = i.definition_id
                where i.business_key = @businessKey and d.key = @DefinitionKey limit 1
                """, new { businessKey, DefinitionKey });
            if (existing is { } id)
            {
                return id;
            }
        }
        return await instances.StartAsync(DefinitionKey, businessKey,
            new JsonObject { ["clueId"] = clueId, ["registerNumber"] = registerNumber }, actor, cancellationToken);
    }

    /// <summary>
    /// Starts intake for registered clues that have none: a registration commits the clue, then starts its intake, and
    /// a crash or database outage between the two must not leave the clue outside every procedure. Clues registered in
    /// the last minute are left to the request that is starting them; the demo register is seeded without procedures on
    /// purpose. Runs as a recurring job every minute.
    /// </summary>
    public async Task<int> StartMissingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One sweep at a time, whoever runs it (the recurring job, a test, an operator): two at once would both see
        // the same clue without intake and start it twice. A session lock, released below: the pool keeps sessions.
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@SweepLock)", new { SweepLock }, cancellationToken: cancellationToken));
        try
        {
            var missing = (await connection.QueryAsync<(long Id, string RegisterNumber, string CreatedBy)>(new CommandDefinition("""
                select c.id, c.register_number, c.created_by from supervision.clues c
                where c.status = 'registered' and c.created_by <> @DemoActor and c.updated_at < @settled
                  and not exists (select 1 from engine.instances i join engine.definitions d on d.id = i.definition_id
                                  where d.key = @DefinitionKey and i.business_key = c.id::text)
                order by c.id limit 100
                """, new { settled = clock.GetUtcNow().AddMinutes(-1), DefinitionKey, DemoActor = Clues.Demo.DemoCluesSeed.Actor },
                cancellationToken: cancellationToken))).ToList();
            foreach (var (id, number, createdBy) in missing)
            {
                await StartAsync(id, number, createdBy, cancellationToken);
            }
            return missing.Count;
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@SweepLock)", new { SweepLock });
        }
    }

    /// <summary>The advisory lock key of the sweep (an arbitrary constant, unique in this database).</summary>
    private const long SweepLock = 0x4e43_0001_0001;
}
