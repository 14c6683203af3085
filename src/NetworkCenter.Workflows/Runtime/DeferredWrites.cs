using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Writes a command queued to send with its next statement. Each write's parameters get a suffix of their own
/// (<c>@id</c> becomes <c>@id_w3</c>), so two writes of the same statement can share one round trip; Npgsql still
/// sends each statement on its own (numbered $1.. per statement), so the auto-prepared statements are the same.
/// </summary>
internal sealed partial class DeferredWrites
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();
    private readonly StringBuilder _sql = new();
    private DynamicParameters _parameters = new();
    private int _count;

    public void Add(string sql, object parameters)
    {
        var suffix = "_w" + _count++;
        var properties = PropertiesByType.GetOrAdd(parameters.GetType(), type => type.GetProperties());
        var names = new HashSet<string>(properties.Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        _sql.Append(Parameter().Replace(sql, m => names.Contains(m.Groups[1].Value) ? m.Value + suffix : m.Value)).Append(";\n");
        foreach (var property in properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            // A null keeps its column type (an untyped null in a union reads as text, not timestamptz).
            DbType? dbType = type == typeof(DateTimeOffset) ? DbType.DateTimeOffset : type == typeof(Guid) ? DbType.Guid : null;
            _parameters.Add(property.Name + suffix, property.GetValue(parameters), dbType);
        }
    }

    /// <summary>The queued writes followed by <paramref name="sql"/>, with both parameter sets; the queue is emptied.</summary>
    public (string Sql, object? Parameters) Before(string sql, object? parameters)
    {
        if (_count == 0)
        {
            return (sql, parameters);
        }
        var merged = _parameters;
        if (parameters is not null)
        {
            merged.AddDynamicParams(parameters);
        }
        var all = _sql.Append(sql).ToString();
        _sql.Clear();
        _parameters = new DynamicParameters();
        _count = 0;
        return (all, merged);
    }

    [GeneratedRegex(@"(?<![:@])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
