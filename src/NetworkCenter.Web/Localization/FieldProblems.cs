using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Web.Localization;

/// <summary>
/// The host's own field checks, collected as messages with codes, answered as ASP.NET's validation problem
/// (<c>errors</c>: {field: [messages]}) with <c>codes</c> beside it in the same shape.
/// </summary>
internal sealed class FieldProblems
{
    private readonly Dictionary<string, List<ServerMessage>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public FieldProblems Add(string field, ServerMessage message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }
        messages.Add(message);
        return this;
    }

    public static ValidationProblem One(string field, ServerMessage message, ServerMessage? title = null) =>
        new FieldProblems().Add(field, message).ToResult(title);

    public ValidationProblem ToResult(ServerMessage? title = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["codes"] = _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray(), StringComparer.Ordinal),
        };
        if (title is not null)
        {
            extensions[GeneralProblems.CodeKey] = title.Code;
        }
        return TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text).ToArray(), StringComparer.Ordinal),
            title: title?.Text, extensions: extensions);
    }
}
