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

    public async Task<Guid> StartAsync(long clueId, string registerNumber, string actor, CancellationToken cancellationToken)
    {
        var businessKey = clueId.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
}
