using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Expressions;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// The variables an execution sees, as Camunda resolves them: its own local ones, then each enclosing scope's, then
/// the instance's. Setting a variable writes it where it is already defined, else on the instance.
/// </summary>
internal sealed class VariableScope(InstanceState instance, Execution? execution)
{
    /// <summary>What scripts read through <c>execution</c>.</summary>
    public ExecutionInfo Info => new(instance.Id.ToString(), instance.BusinessKey, execution?.ElementId);

    private IEnumerable<JsonObject> Chain()
    {
        for (var current = execution; current is not null; current = current.ParentId is { } parent ? instance.Find(parent) : null)
        {
            yield return current.Variables;
        }
        yield return instance.Variables;
    }

    public JsonNode? Get(string name)
    {
        foreach (var scope in Chain())
        {
            if (scope.TryGetPropertyValue(name, out var value))
            {
                return value;
            }
        }
        return null;
    }

    public void Set(string name, JsonNode? value)
    {
        var owner = Chain().FirstOrDefault(scope => scope.ContainsKey(name)) ?? instance.Variables;
        owner[name] = value?.DeepClone();
    }

    public void SetAll(JsonObject? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }
    }

    /// <summary>Every visible variable, nearer scopes hiding farther ones, as a JSON object (a copy).</summary>
    public JsonObject Snapshot()
    {
        var merged = new JsonObject();
        foreach (var scope in Chain().Reverse())
        {
            foreach (var (name, value) in scope)
            {
                merged[name] = value?.DeepClone();
            }
        }
        return merged;
    }

    /// <summary>The same as plain CLR values (string, double, bool, null, lists, dictionaries), for expressions.</summary>
    public Dictionary<string, object?> ToClr() => Snapshot().ToDictionary(p => p.Key, p => ToClr(p.Value));

    public static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(v.ToJsonString()),
            _ => null,
        },
        _ => null,
    };

    // A JsonValue may wrap an int, a long or a double; its JSON text is the one form they share.
    private static object Number(string json) =>
        long.TryParse(json, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? l
            : double.Parse(json, System.Globalization.CultureInfo.InvariantCulture);

    public static JsonNode? FromClr(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
