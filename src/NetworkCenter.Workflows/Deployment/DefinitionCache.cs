using System.Collections.Concurrent;
using Dapper;
using NetworkCenter.Workflows.Model;
using Npgsql;

namespace NetworkCenter.Workflows.Deployment;

/// <summary>Parsed definitions by id: a deployed version never changes, so each is parsed once per process.</summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, ProcessDefinitionModel> _models = new();

    public async Task<ProcessDefinitionModel> GetModelAsync(Guid definitionId, NpgsqlConnection connection)
    {
        if (_models.TryGetValue(definitionId, out var model))
        {
            return model;
        }
        var row = await connection.QuerySingleAsync<(string Key, string Xml)>(
            "select key, xml from engine.definitions where id = @definitionId", new { definitionId });
        model = ModelReader.Parse(row.Xml).Processes.Single(p => p.Id == row.Key);
        _models[definitionId] = model;
        return model;
    }

    public void Remember(Guid definitionId, ProcessDefinitionModel model) => _models[definitionId] = model;
}
