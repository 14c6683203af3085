using System.Text.Json;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Workflows.Forms;

/// <summary>One problem with submitted form data: <paramref name="Field"/> is the data path (<c>address.city</c>,
/// <c>parties[1].name</c>), empty for the submission as a whole; <paramref name="Message"/> names the field by its label in the
/// current language; <paramref name="Code"/> says which rule, for clients (<c>form.required</c>, <c>form.max-length</c>, …).</summary>
public sealed record FormFieldError(string Field, string Message, string Code = "form.invalid");

/// <summary>
/// Every problem found in the data, or, when the form's own schema is unusable, <paramref name="SchemaProblem"/>: a
/// fault of the form definition, not of the person who filled it in.
/// </summary>
public sealed record FormValidationResult(IReadOnlyList<FormFieldError> Errors, string? SchemaProblem = null)
{
    public bool IsValid => SchemaProblem is null && Errors.Count == 0;

    internal static FormValidationResult Schema(string problem) => new([], problem);

    internal static FormValidationResult Data(ServerMessage message) => new([new FormFieldError("", message.Text, message.Code)]);
}

/// <summary>
/// Checks data submitted through a bpmn-io form-js form against the form's schema on the server, as the form-js
/// viewer does in the browser, so a hand-made request cannot bypass the form. It checks required fields, value types
/// per component (number, checkbox, checklist/taglist, datetime subtypes), min/max, lengths, pattern, email and phone,
/// and that select, radio, checklist and taglist values are among the static <c>values</c>. Keys in the data that no
/// field binds are ignored: process variables travel beside the form's own. Disabled fields are skipped (form-js drops
/// their values); fields hidden or disabled by a FEEL expression are type-checked but not required, because FEEL is not
/// evaluated here. Never throws for any schema or data.
/// </summary>
public static class FormValidator
{
    /// <summary>Largest schema or data accepted, in characters; real forms are a few kilobytes.</summary>
    public const int MaxJsonLength = 1 << 20;

    /// <summary>Deepest JSON nesting accepted in a schema or in data.</summary>
    public const int MaxJsonDepth = 64;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxJsonDepth };

    public static FormValidationResult Validate(string? schemaJson, string? dataJson) => Validate(schemaJson, dataJson, schemaOnly: false);

    private static FormValidationResult Validate(string? schemaJson, string? dataJson, bool schemaOnly)
    {
        if (string.IsNullOrWhiteSpace(schemaJson))
        {
            return FormValidationResult.Schema("The form schema is empty.");
        }
        if (schemaJson.Length > MaxJsonLength)
        {
            return FormValidationResult.Schema($"The form schema is larger than {MaxJsonLength} characters.");
        }
        if (dataJson?.Length > MaxJsonLength)
        {
            return FormValidationResult.Data(FormMessages.DataTooLarge(MaxJsonLength));
        }
        JsonDocument schema;
        try
        {
            schema = JsonDocument.Parse(schemaJson, ParseOptions);
        }
        catch (JsonException exception)
        {
            return FormValidationResult.Schema($"The form schema is not valid JSON: {exception.Message}");
        }
        using (schema)
        {
            if (string.IsNullOrWhiteSpace(dataJson))
            {
                return Validate(schema.RootElement, default, schemaOnly);
            }
            JsonDocument data;
            try
            {
                data = JsonDocument.Parse(dataJson, ParseOptions);
            }
            catch (JsonException exception)
            {
                return FormValidationResult.Data(FormMessages.DataNotJson(exception.Message));
            }
            using (data)
            {
                return Validate(schema.RootElement, data.RootElement, schemaOnly);
            }
        }
    }

    /// <summary>
    /// What is wrong with a form schema itself (for checking a form when it is saved or deployed), or null when the
    /// validator can use it.
    /// </summary>
    public static string? CheckSchema(string? schemaJson) => Validate(schemaJson, null, schemaOnly: true).SchemaProblem;

    /// <summary>As <see cref="Validate(string?, string?)"/>; an undefined or null <paramref name="data"/> is an empty submission.</summary>
    public static FormValidationResult Validate(JsonElement schema, JsonElement data) => Validate(schema, data, schemaOnly: false);

    private static FormValidationResult Validate(JsonElement schema, JsonElement data, bool schemaOnly)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return FormValidationResult.Schema("The form schema must be a JSON object with a components array.");
        }
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return FormValidationResult.Data(FormMessages.DataNotObject());
        }
        var walker = new FormDataWalker(schemaOnly);
        try
        {
            if (schema.TryGetProperty("components", out var components))
            {
                walker.Walk(components, data.ValueKind == JsonValueKind.Object ? data : null, "", depth: 0);
            }
        }
        catch (FormSchemaException exception)
        {
            return FormValidationResult.Schema(exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            // A JsonElement of an unexpected kind where the walker did not look first: a schema it cannot read.
            return FormValidationResult.Schema($"The form schema cannot be read: {exception.Message}");
        }
        return new FormValidationResult(walker.Errors);
    }
}

/// <summary>The form's schema is unusable; carries the reason to <see cref="FormValidationResult.SchemaProblem"/>.</summary>
internal sealed class FormSchemaException(string message) : Exception(message);
