using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// Moves variables between .NET and JavaScript as plain data (JSON-like), never as wrapped CLR objects: a wrapped object
/// would expose its .NET members to the script.
/// </summary>
internal static class JsValueConverter
{
    private const int MaxDepth = 64;

    /// <summary>
    /// Most values one script may hand back, all results together. A few shared arrays nest into a tree of 2^40 leaves
    /// once copied out, and the copy runs outside the engine's memory limit.
    /// </summary>
    public const int MaxValues = 200_000;

    public static JsValue ToJs(Engine engine, object? value, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException("a variable is nested too deeply to pass to a script");
        }

        return value switch
        {
            null => JsValue.Null,
            JsValue js => js,
            string s => new JsString(s),
            bool b => b ? JsBoolean.True : JsBoolean.False,
            char c => new JsString(c.ToString()),
            byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                => new JsNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            DateTimeOffset d => engine.Construct("Date", new JsNumber(d.ToUnixTimeMilliseconds())),
            DateTime d => engine.Construct("Date", new JsNumber(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)).ToUnixTimeMilliseconds())),
            Guid g => new JsString(g.ToString()),
            Enum e => new JsString(e.ToString()),
            JsonElement json => FromJson(engine, json, depth),
            JsonNode node => FromJson(engine, node.Deserialize<JsonElement>(), depth),
            IDictionary dictionary => FromDictionary(engine, dictionary, depth),
            IEnumerable<KeyValuePair<string, object?>> pairs => FromDictionary(engine, pairs.ToDictionary(p => p.Key, p => p.Value), depth),
            IEnumerable items => new JsArray(engine, items.Cast<object?>().Select(i => ToJs(engine, i, depth + 1)).ToArray()),
            _ => new JsString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
    }

    /// <summary>Plain .NET data: null, string, bool, long (integral numbers), double, DateTimeOffset, lists and dictionaries.</summary>
    public static object? ToClr(JsValue value)
    {
        var budget = MaxValues;
        return ToClr(value, ref budget);
    }

    /// <summary>As <see cref="ToClr(JsValue)"/>, taking the values copied from <paramref name="budget"/>.</summary>
    public static object? ToClr(JsValue value, ref int budget, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException("a script result is nested too deeply (or refers to itself)");
        }

        if (--budget < 0)
        {
            throw new ExpressionException($"a script result holds more than {MaxValues} values");
        }

        if (value is null || value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return value.AsBoolean();
        }

        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            return double.IsInteger(number) && Math.Abs(number) <= 9007199254740991d ? (object)(long)number : number;
        }

        switch (value)
        {
            case JsDate date:
                return double.IsNaN(date.DateValue) ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue);
            case JsArray array:
                var list = new List<object?>((int)Math.Min(array.Length, 100_000));
                for (uint i = 0; i < array.Length; i++)
                {
                    list.Add(ToClr(array.Get(i), ref budget, depth + 1));
                }

                return list;
            case Jint.Native.Function.Function:
                return null;
            case Jint.Native.Object.ObjectInstance obj:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, descriptor) in obj.GetOwnProperties())
                {
                    if (key.IsString() && descriptor.Enumerable)
                    {
                        map[key.ToString()] = ToClr(obj.Get(key), ref budget, depth + 1);
                    }
                }

                return map;
            default:
                return value.ToString();
        }
    }

    private static JsValue FromDictionary(Engine engine, IDictionary dictionary, int depth)
    {
        var obj = new JsObject(engine);
        foreach (DictionaryEntry entry in dictionary)
        {
            obj.Set(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", ToJs(engine, entry.Value, depth + 1));
        }

        return obj;
    }

    private static JsValue FromJson(Engine engine, JsonElement json, int depth) => json.ValueKind switch
    {
        JsonValueKind.String => new JsString(json.GetString()!),
        JsonValueKind.Number => new JsNumber(json.GetDouble()),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Array => new JsArray(engine, json.EnumerateArray().Select(i => FromJson(engine, i, depth + 1)).ToArray()),
        JsonValueKind.Object => FromDictionary(engine, json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value), depth),
        _ => JsValue.Null,
    };
}
