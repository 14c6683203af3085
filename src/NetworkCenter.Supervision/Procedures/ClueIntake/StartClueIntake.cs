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
internal sealed class StartClueIntake(InstanceCommands instances, NpgsqlDataSource dataSource)
{
    public const string DefinitionKey = "clue-intake";

    // The first key of the advisory lock that makes "look for an intake, else start one" atomic per clue.
    private const int LockSpace = 0x0C1E_0001;

    public async Task<Guid> StartAsync(long clueId, string registerNumber, string actor, CancellationToken cancellationToken)
    {
        var businessKey = clueId.ToString(CultureInfo.InvariantCulture);
        // The registration request and the sweep of missing intakes may both try; the lock lets only one start it.
        // It is a session lock released explicitly, since the engine starts the instance in a transaction of its own.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = new { space = LockSpace, key = unchecked((int)clueId) };
        await connection.ExecuteAsync("select pg_advisory_lock(@space, @key)", lockKey);
        try
        {
            var existing = await connection.QuerySingleOrDefaultAsync<Guid?>("""
                select i.id from engine.instances i join engine.definitions d on d.id = i.definition_id
                where i.business_key = @businessKey and d.key = @DefinitionKey limit 1
                """, new { businessKey, DefinitionKey });
            if (existing is { } id)
            {
                return id;
            }
            return await instances.StartAsync(DefinitionKey, businessKey,
                new JsonObject { ["clueId"] = clueId, ["registerNumber"] = registerNumber }, actor, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@space, @key)", lockKey);
        }
    }
}
