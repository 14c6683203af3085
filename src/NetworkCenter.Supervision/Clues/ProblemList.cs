using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// A clue's problems keyed by field (<c>parties[0].idNumber</c>), each message in the request's language with its code:
/// the API answers the texts as <c>errors</c> and the codes as <c>codes</c>, in the same shape.
/// </summary>
internal sealed class ProblemList
{
    private readonly Dictionary<string, List<ServerMessage>> _problems = new(StringComparer.Ordinal);

    public bool Any => _problems.Count > 0;

    public int Count => _problems.Count;

    public bool ContainsKey(string field) => _problems.ContainsKey(field);

    public void Add(string field, ServerMessage message)
    {
        if (!_problems.TryGetValue(field, out var list)) _problems[field] = list = [];
        list.Add(message);
    }

    /// <summary>The field's only problem, replacing any it had.</summary>
    public void Set(string field, ServerMessage message) => _problems[field] = [message];

    public void Remove(string field) => _problems.Remove(field);

    public Dictionary<string, string[]> ToDictionary() =>
        _problems.ToDictionary(p => p.Key, p => p.Value.Select(m => m.Text).ToArray(), StringComparer.Ordinal);

    public Dictionary<string, string[]> Codes() =>
        _problems.ToDictionary(p => p.Key, p => p.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal);
}
