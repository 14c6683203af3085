using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>Compares variable values as data, so a script that only reads a variable does not appear to change it.</summary>
internal static class PlainData
{
    /// <summary>The shape a value has after a trip through JavaScript (integral numbers as long, others as double).</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool => value,
        DateTimeOffset d => DateTimeOffset.FromUnixTimeMilliseconds(d.ToUnixTimeMilliseconds()),
        JsonElement json => FromJson(json),
        JsonNode node => FromJson(node.Deserialize<JsonElement>()),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => Normalize(p.Value)),
        byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsInteger(d) && Math.Abs(d) <= 9007199254740991d ? (object)(long)d : d,
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>()
            .ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e => Normalize(e.Value)),
        IEnumerable items => items.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => Normalize(json.GetDouble()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value)),
        _ => null,
    };

    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (IDictionary<string, object?> a, IDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && DeepEquals(p.Value, other)),
        (IList<object?> a, IList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEquals(p.First, p.Second)),
        _ => Equals(left, right),
    };
}
