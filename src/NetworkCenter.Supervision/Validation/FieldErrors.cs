using System.Text.RegularExpressions;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Validation;

/// <summary>
/// Collects every problem with a request, keyed by the field's JSON name, so that one answer names them all. The
/// checks return the cleaned value (trimmed, null when empty) for the handler to store; text is otherwise stored as
/// given, HTML included, and escaped by whoever renders it. Each message is in the request's language and has a code
/// (<see cref="MessageCodes"/>) for clients.
/// </summary>
internal sealed partial class FieldErrors
{
    public const int NameLength = 200;
    public const int TextLength = 2000;

    private readonly Dictionary<string, List<ServerMessage>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>The request clashes with what is stored (a taken name): 409 rather than 400.</summary>
    public bool IsConflict { get; private set; }

    public FieldErrors Add(string field, ServerMessage message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public FieldErrors Conflict(string field, ServerMessage message)
    {
        IsConflict = true;
        return Add(field, message);
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text).ToArray(), StringComparer.Ordinal);

    /// <summary>The codes of the messages, field by field and in the same order as <see cref="ToDictionary"/>.</summary>
    public IDictionary<string, string[]> MessageCodes() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal);

    public string? Required(string field, string? value, int maxLength = NameLength)
    {
        var cleaned = Optional(field, value, maxLength);
        if (cleaned is null && !Has(field))
        {
            Add(field, FieldMessages.Required());
        }
        return cleaned;
    }

    public string? Optional(string field, string? value, int maxLength = NameLength)
    {
        var cleaned = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (cleaned is not null && cleaned.Length > maxLength)
        {
            Add(field, FieldMessages.TooLong(maxLength));
        }
        if (cleaned is not null && cleaned.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(field, FieldMessages.ControlCharacters());
        }
        return cleaned;
    }

    public string? Email(string field, string? value, bool required = false)
    {
        var cleaned = required ? Required(field, value, 254) : Optional(field, value, 254);
        if (cleaned is not null && !EmailPattern().IsMatch(cleaned))
        {
            Add(field, FieldMessages.NotEmail());
        }
        return cleaned;
    }

    /// <summary>Mainland mobile and landline numbers as people write them: +86, area code, hyphens, spaces, extension.</summary>
    public string? Phone(string field, string? value, bool required = false)
    {
        var cleaned = required ? Required(field, value, 40) : Optional(field, value, 40);
        if (cleaned is not null && (!PhonePattern().IsMatch(cleaned) || cleaned.Count(char.IsAsciiDigit) is < 7 or > 20))
        {
            Add(field, FieldMessages.NotPhone());
        }
        return cleaned;
    }

    public string? OneOf(string field, string? value, IReadOnlyCollection<string> allowed, bool required = true)
    {
        var cleaned = required ? Required(field, value, 100) : Optional(field, value, 100);
        if (cleaned is not null && !allowed.Contains(cleaned, StringComparer.Ordinal))
        {
            Add(field, FieldMessages.UnknownValue(cleaned, allowed));
        }
        return cleaned;
    }

    /// <summary>A list of short codes (expertise, groups): each a known value or, without a list, a lowercase slug.</summary>
    public string[] Codes(string field, IReadOnlyList<string>? values, IReadOnlyCollection<string>? allowed = null)
    {
        var cleaned = new List<string>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            var value = values![i]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                Add($"{field}[{i}]", FieldMessages.Required());
            }
            else if (allowed is not null ? !allowed.Contains(value, StringComparer.Ordinal) : !SlugPattern().IsMatch(value))
            {
                Add($"{field}[{i}]", allowed is not null ? FieldMessages.UnknownValue(value, allowed) : FieldMessages.NotSlug());
            }
            else if (!cleaned.Contains(value, StringComparer.Ordinal))
            {
                cleaned.Add(value);
            }
        }
        return [.. cleaned];
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:"".]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9]+(?:[ -][0-9]+)*(?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
