using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Workflows.Instances;

public sealed record InstanceView(Guid Id, string DefinitionKey, int Version, string Status, IReadOnlyList<string> ActiveElementIds, JsonObject Variables);

public sealed record JournalEntry(long Id, DateTimeOffset At, string Kind, string? ElementId, string? User, JsonNode? Data);

/// <summary>Starting instances (latest version of a key) and reading them and their journal.</summary>
internal sealed class InstanceCommands(CommandRunner commands, RuntimeServices runtime, NpgsqlDataSource dataSource)
{
    public Task<Guid> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? user, CancellationToken cancellationToken) =>
        commands.RunAsync(user, async context =>
        {
            var definitionId = await context.QuerySingleOrDefaultAsync<Guid?>(
                "select id from engine.definitions where key = @definitionKey order by version desc limit 1", new { definitionKey })
                ?? throw EngineException.NotFound(EngineMessages.NoDefinition(definitionKey));
            var state = await runtime.StartAsync(context, definitionId, businessKey, variables, null);
            return state.Id;
        }, cancellationToken);

    /// <summary>
    /// The instance as one statement reads it, so its status, variables and active elements come from one snapshot: read
    /// in two statements, a command committing between them showed the token already past an element with the
    /// variables from before (a caller at the next task without the called instance's out variables).
    /// </summary>
    public async Task<InstanceView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var instance = await connection.QuerySingleOrDefaultAsync<InstanceRow>(
            """
            select i.id, d.key, d.version, i.status, i.variables::text as variables,
                   array(select e.element_id from engine.executions e
                         where e.instance_id = i.id and e.kind <> 'Process' and e.element_id is not null
                         group by e.element_id order by min(e.created_seq)) as elements
            from engine.instances i join engine.definitions d on d.id = i.definition_id where i.id = @id
            """, new { id });
        return instance is null
            ? null
            : new InstanceView(instance.Id, instance.Key, instance.Version, instance.Status, instance.Elements,
                Persistence.InstanceStore.ParseObject(instance.Variables));
    }

    // Settable properties, not a positional record: Dapper reports text[] columns as System.Array to constructors.
    private sealed class InstanceRow
    {
        public Guid Id { get; set; }
        public string Key { get; set; } = "";
        public int Version { get; set; }
        public string Status { get; set; } = "";
        public string Variables { get; set; } = "";
        public string[] Elements { get; set; } = [];
    }

    public async Task<IReadOnlyList<JournalEntry>?> HistoryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>("select count(*) from engine.instances where id = @id", new { id }) == 0)
        {
            return null;
        }
        var rows = await connection.QueryAsync<(long Id, DateTime At, string Kind, string? ElementId, string? User, string? Data)>(
            "select id, at, kind, element_id, user_id, data::text from engine.journal where instance_id = @id order by id", new { id });
        return [.. rows.Select(r => new JournalEntry(r.Id, new DateTimeOffset(r.At, TimeSpan.Zero), r.Kind, r.ElementId, r.User,
            r.Data is null ? null : JsonNode.Parse(r.Data)))];
    }
}
