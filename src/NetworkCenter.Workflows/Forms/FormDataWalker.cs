using System.Globalization;
using System.Text.Json;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Workflows.Forms;

/// <summary>
/// Walks a form-js component tree beside the data: a <c>group</c> with a <c>path</c> scopes its children to that
/// object, a <c>dynamiclist</c> repeats its children for each object of the array at its <c>path</c>, and a field's
/// dotted <c>key</c> reads nested data. Each bound value goes to <see cref="FieldRules"/>.
/// </summary>
internal sealed class FormDataWalker(bool schemaOnly = false)
{
    // Bounds that no real form comes near, so a hostile schema or submission costs little.
    private const int MaxComponents = 5_000;
    private const int MaxNesting = 32;
    private const int MaxListItems = 5_000;
    private const int MaxErrors = 500;

    // Components that show something or act but bind no data.
    private static readonly HashSet<string> Presentational =
        ["text", "html", "image", "spacer", "separator", "button", "table", "iframe", "documentPreview"];

    private readonly List<FormFieldError> _errors = [];
    private int _visited;

    public IReadOnlyList<FormFieldError> Errors => _errors;

    public void Walk(JsonElement components, JsonElement? scope, string prefix, int depth)
    {
        if (components.ValueKind != JsonValueKind.Array)
        {
            throw new FormSchemaException($"'components'{Where(prefix)} must be an array.");
        }
        if (depth > MaxNesting)
        {
            throw new FormSchemaException($"Groups and lists are nested more than {MaxNesting} deep.");
        }
        foreach (var component in components.EnumerateArray())
        {
            if (++_visited > MaxComponents)
            {
                throw new FormSchemaException($"The form has more than {MaxComponents} components.");
            }
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw new FormSchemaException($"Every component{Where(prefix)} must be a JSON object.");
            }
            if (_errors.Count >= MaxErrors)
            {
                return;
            }
            Visit(component, scope, prefix, depth);
        }
    }

    public void Add(string field, ServerMessage message)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new FormFieldError(field, message.Text, message.Code));
        }
    }

    private void Visit(JsonElement component, JsonElement? scope, string prefix, int depth)
    {
        var type = Text(component, "type") ?? throw new FormSchemaException($"A component{Where(prefix)} has no type.");
        if (IsTrue(component, "disabled") || IsTrue(Child(component, "conditional"), "hide"))
        {
            return; // form-js neither validates nor submits it
        }
        switch (type)
        {
            case "group":
                VisitGroup(component, scope, prefix, depth);
                return;
            case "dynamiclist":
                VisitList(component, scope, prefix, depth);
                return;
        }
        if (Presentational.Contains(type) || Text(component, "key") is not { Length: > 0 } key)
        {
            return;
        }
        var field = prefix + key;
        new FieldRules(this, component, type, field, RequiredApplies(component)).Check(Lookup(scope, key));
    }

    private void VisitGroup(JsonElement group, JsonElement? scope, string prefix, int depth)
    {
        if (!group.TryGetProperty("components", out var children))
        {
            return;
        }
        if (Text(group, "path") is not { Length: > 0 } path)
        {
            Walk(children, scope, prefix, depth + 1);
            return;
        }
        var inner = Lookup(scope, path);
        if (inner is { ValueKind: not JsonValueKind.Object })
        {
            Add(prefix + path, FormMessages.Object(LabelOf(group) ?? prefix + path));
            return;
        }
        Walk(children, inner, prefix + path + ".", depth + 1);
    }

    private void VisitList(JsonElement list, JsonElement? scope, string prefix, int depth)
    {
        var path = Text(list, "path");
        if (string.IsNullOrEmpty(path))
        {
            throw new FormSchemaException($"A dynamiclist{Where(prefix)} has no path.");
        }
        if (!list.TryGetProperty("components", out var children))
        {
            return;
        }
        var items = Lookup(scope, path);
        if (schemaOnly)
        {
            // Checking the schema alone: visit the item template once, as if the list held one empty entry.
            Walk(children, null, prefix + path + "[0].", depth + 1);
            return;
        }
        if (items is null)
        {
            return;
        }
        if (items.Value.ValueKind != JsonValueKind.Array)
        {
            Add(prefix + path, FormMessages.List(LabelOf(list) ?? prefix + path));
            return;
        }
        var index = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var itemPrefix = string.Create(CultureInfo.InvariantCulture, $"{prefix}{path}[{index}]");
            if (++index > MaxListItems)
            {
                Add(prefix + path, FormMessages.TooManyEntries(LabelOf(list) ?? prefix + path, MaxListItems));
                return;
            }
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(itemPrefix, FormMessages.Object(LabelOf(list) is { } label ? $"{label} {itemPrefix[(prefix + path).Length..]}" : itemPrefix));
                continue;
            }
            Walk(children, item, itemPrefix + ".", depth + 1);
        }
    }

    /// <summary>
    /// A field hidden or disabled by a FEEL expression may legitimately be empty; FEEL is not evaluated here, so such a
    /// field is never required.
    /// </summary>
    private static bool RequiredApplies(JsonElement component) =>
        !IsExpression(component, "disabled") && !IsExpression(Child(component, "conditional"), "hide");

    /// <summary>The value at a dotted path below <paramref name="scope"/>; null when absent or JSON null.</summary>
    private static JsonElement? Lookup(JsonElement? scope, string path)
    {
        var current = scope;
        foreach (var segment in path.Split('.'))
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(segment, out var next))
            {
                return null;
            }
            current = next;
        }
        return current is { ValueKind: JsonValueKind.Null } ? null : current;
    }

    /// <summary>The component's label (a datetime field's date or time label) in the current language; null when it has none.</summary>
    internal static string? LabelOf(JsonElement component) =>
        (Text(component, "label") ?? Text(component, "dateLabel") ?? Text(component, "timeLabel")) is { } label && !string.IsNullOrWhiteSpace(label)
            ? ServerLanguage.Label(label)
            : null;

    internal static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    internal static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool IsTrue(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static bool IsExpression(JsonElement? element, string name) => Text(element, name)?.StartsWith('=') == true;

    private static string Where(string prefix) => prefix.Length == 0 ? "" : $" under '{prefix.TrimEnd('.')}'";
}
