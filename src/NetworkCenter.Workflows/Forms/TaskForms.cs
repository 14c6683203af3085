using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Localization;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Workflows.Forms;

/// <summary>
/// Checks a task completion against the form-js schema its <c>formKey</c> names, so data the form would refuse in the
/// browser is refused on the server too. The key is a file of the forms folder (<see cref="WorkflowFolders.Forms"/>): <c>triage</c>,
/// <c>triage.form</c> or Camunda's <c>camunda-forms:deployment:triage.form</c>.
/// </summary>
internal sealed class TaskForms(WorkflowFolders folders, IEnumerable<ITaskCompletionCheck> checks)
{
    private readonly ConcurrentDictionary<string, CachedSchema> _schemas = new(StringComparer.Ordinal);

    /// <exception cref="EngineException">Invalid data (400), naming every field at fault.</exception>
    public void EnsureValid(string? formKey, JsonObject? variables, Func<JsonObject> visible, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(formKey))
        {
            return;
        }
        var errors = new List<FormFieldError>();
        if (Schema(formKey) is { } schema)
        {
            var result = FormValidator.Validate(schema, variables?.ToJsonString() ?? "{}");
            if (result.SchemaProblem is { } problem)
            {
                throw new InvalidOperationException($"The form '{formKey}' is unusable: {problem}");
            }
            errors.AddRange(result.Errors);
        }
        if (errors.Count == 0)
        {
            var current = visible();
            foreach (var check in checks)
            {
                errors.AddRange(check.Check(formKey, variables ?? [], current, now));
            }
        }
        if (errors.Count > 0)
        {
            // The title keeps every message, for callers that read only the title; the errors name each field for the inbox.
            var rejected = FormMessages.Rejected(formKey);
            var each = errors.Select(e => e.Field.Length > 0 ? $"{e.Field}: {e.Message}" : e.Message);
            var all = ServerLanguage.IsChinese ? "：" + string.Join("；", each) : ": " + string.Join("; ", each);
            throw EngineException.Invalid(rejected with { Text = rejected.Text + all }, errors);
        }
    }

    /// <summary>
    /// The schema as the file holds it now. The form editor saves into the same folder (and another process may too),
    /// so a cached schema is used only while the file's last-write time and length are the ones it was read with.
    /// </summary>
    private string? Schema(string formKey)
    {
        var name = formKey[(formKey.LastIndexOf(':') + 1)..];
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }
        var file = new FileInfo(Path.Combine(folders.Forms, name.EndsWith(".form", StringComparison.Ordinal) ? name : name + ".form"));
        if (!file.Exists)
        {
            _schemas.TryRemove(file.FullName, out _);
            return null;
        }
        if (_schemas.TryGetValue(file.FullName, out var cached) && cached.Written == file.LastWriteTimeUtc && cached.Length == file.Length)
        {
            return cached.Json;
        }
        // Stamped before reading: a save racing this read leaves a newer stamp on the file, so the next use reads again.
        var stamp = new CachedSchema(file.LastWriteTimeUtc, file.Length, File.ReadAllText(file.FullName));
        _schemas[file.FullName] = stamp;
        return stamp.Json;
    }

    private sealed record CachedSchema(DateTime Written, long Length, string Json);
}
