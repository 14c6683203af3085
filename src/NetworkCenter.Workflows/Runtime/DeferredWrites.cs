using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using NetworkCenter.Workflows.Persistence;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Writes a command queued to send with its next statement. Each write's parameters get a suffix of their own
/// (<c>@id</c> becomes <c>@id_w3</c>), so two writes of the same statement can share one round trip; Npgsql still
/// sends each statement on its own (numbered $1.. per statement), so the auto-prepared statements are the same.
/// </summary>
internal sealed partial class DeferredWrites
{
    // The statements are literals and a command usually writes few of them, so each suffixed text is worked out once;
    // past CachedIndexes writes (a large multi-instance) the rest are worked out each time rather than kept forever.
    private const int CachedIndexes = 64;
    private static readonly ConcurrentDictionary<(string Sql, Type Parameters, int Index), string> Suffixed = new();
    private readonly StringBuilder _sql = new();
    private BatchParameters _parameters = new();
    private int _count;

    public void Add(string sql, object parameters)
    {
        var index = _count++;
        var suffix = "_w" + index;
        var key = (sql, parameters.GetType(), index);
        _sql.Append(index < CachedIndexes ? Suffixed.GetOrAdd(key, WithSuffix) : WithSuffix(key)).Append(";\n");
        _parameters.AddProperties(parameters, suffix);
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
            merged.AddProperties(parameters);
        }
        var all = _sql.Append(sql).ToString();
        _sql.Clear();
        _parameters = new BatchParameters();
        _count = 0;
        return (all, merged);
    }

    private static string WithSuffix((string Sql, Type Parameters, int Index) key)
    {
        var names = new HashSet<string>(BatchParameters.NamesOf(key.Parameters), StringComparer.OrdinalIgnoreCase);
        var suffix = "_w" + key.Index;
        return Parameter().Replace(key.Sql, m => names.Contains(m.Groups[1].Value) ? m.Value + suffix : m.Value);
    }

    [GeneratedRegex(@"(?<![:@])@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
