using System.Globalization;
using System.Text.Json;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Workflows.Forms;

/// <summary>The checks form-js's viewer makes on one field's value, by component type and <c>validate</c> rules.</summary>
internal sealed partial class FieldRules(FormDataWalker walker, JsonElement component, string type, string field, bool requiredApplies)
{
    private readonly JsonElement? _validate = FormDataWalker.Child(component, "validate");

    // The name a person knows the field by: its label (datetime fields have date and time labels) in their language.
    private readonly string _label = FormDataWalker.LabelOf(component) ?? field;

    public void Check(JsonElement? value)
    {
        EnsurePatternIsUsable();
        if (requiredApplies && IsTrue(_validate, "required") && IsEmpty(value))
        {
            Fail(FormMessages.Required(_label));
            return;
        }
        // An empty string means "no answer" for the text-like fields, but form-js's checkbox always submits true or
        // false (emptyValue false, sanitizeValue `value === true`), so "" for a checkbox comes from no viewer: refused.
        if (value is not { } present || present.ValueKind == JsonValueKind.String && present.GetString()!.Length == 0 && type != "checkbox")
        {
            return;
        }
        switch (type)
        {
            case "textfield" or "textarea":
                CheckText(present);
                break;
            case "number":
                CheckNumber(present);
                break;
            case "checkbox":
                if (present.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Fail(FormMessages.Boolean(_label));
                }
                break;
            case "checklist" or "taglist":
                CheckChoices(present);
                break;
            case "radio" or "select":
                CheckChoice(present);
                break;
            case "datetime":
                CheckDateTime(present);
                break;
            default:
                // filepicker, expression and custom components: no known type, only the text rules when text.
                if (present.ValueKind == JsonValueKind.String)
                {
                    CheckText(present);
                }
                break;
        }
    }

    private bool IsEmpty(JsonElement? value) => value is not { } v
        || v.ValueKind == JsonValueKind.String && v.GetString()!.Length == 0
        || v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0
        || v.ValueKind == JsonValueKind.False && type == "checkbox";

    private void CheckNumber(JsonElement value)
    {
        decimal? exact = null;
        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            exact = value.TryGetDecimal(out var d) ? d : null;
            number = value.GetDouble();
        }
        else if (value.ValueKind == JsonValueKind.String && IsTrue(component, "serializeToString")
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            exact = decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
        }
        else
        {
            Fail(FormMessages.Number(_label));
            return;
        }
        if (!double.IsFinite(number))
        {
            Fail(FormMessages.FiniteNumber(_label));
            return;
        }
        if (Integer(component, "decimalDigits") is { } digits && exact is { } e && Normalise(e).Scale > digits)
        {
            Fail(digits == 0 ? FormMessages.WholeNumber(_label) : FormMessages.DecimalDigits(_label, digits));
        }
        if (Number(component, "increment") is { } increment && increment > 0 && exact is { } x && HasRemainder(x, (decimal)increment))
        {
            Fail(FormMessages.Increment(_label, increment.ToString(CultureInfo.InvariantCulture)));
        }
        if (Number(_validate, "min") is { } min && number < min)
        {
            Fail(FormMessages.Min(_label, min.ToString(CultureInfo.InvariantCulture)));
        }
        if (Number(_validate, "max") is { } max && number > max)
        {
            Fail(FormMessages.Max(_label, max.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private void CheckChoice(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Fail(FormMessages.SingleValue(_label));
            return;
        }
        if (StaticValues() is { } allowed && !allowed.Any(a => JsonElement.DeepEquals(a, value)))
        {
            Fail(FormMessages.NotAChoice(_label, Show(value)));
        }
    }

    private void CheckChoices(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail(FormMessages.List(_label));
            return;
        }
        var allowed = StaticValues();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
            {
                Fail(FormMessages.EntrySingleValue(_label, index));
            }
            else if (allowed is not null && !allowed.Any(a => JsonElement.DeepEquals(a, item)))
            {
                Fail(FormMessages.NotAChoice(_label, Show(item)));
            }
            index++;
        }
    }

    private void CheckDateTime(JsonElement value)
    {
        var subtype = FormDataWalker.Text(component, "subtype") ?? "date";
        var format = FormDataWalker.Text(component, "timeSerializingFormat");
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        var zone = DateTimeFormats.DescribeZone(format);
        var (valid, message) = subtype switch
        {
            "time" => (text is not null && DateTimeFormats.IsTime(text, format), FormMessages.Time(_label, zone)),
            "datetime" => (text is not null && DateTimeFormats.IsDateTime(text, format), FormMessages.DateTime(_label, zone)),
            _ => (text is not null && DateTimeFormats.IsDate(text), FormMessages.Date(_label)),
        };
        if (!valid)
        {
            Fail(message);
        }
    }

    /// <summary>The static choices, or null when the choices come from input data or an expression.</summary>
    private List<JsonElement>? StaticValues()
    {
        if (FormDataWalker.Text(component, "valuesKey") is { Length: > 0 } || FormDataWalker.Text(component, "valuesExpression") is { Length: > 0 }
            || FormDataWalker.Child(component, "values") is not { ValueKind: JsonValueKind.Array } values)
        {
            return null;
        }
        return [.. values.EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("value", out _))
            .Select(v => v.GetProperty("value"))];
    }

    private void Fail(ServerMessage message) => walker.Add(field, message);

    private static bool HasRemainder(decimal value, decimal increment)
    {
        try
        {
            return increment != 0 && value % increment != 0;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // Dividing by 1.000… drops trailing zeros, so 1.50 has one decimal digit, as in JavaScript.
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    private static bool IsTrue(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static bool IsExpression(string text) => text.StartsWith('=');

    /// <summary>A rule's number, given as a number or a numeric string; FEEL expressions (<c>=…</c>) are not evaluated.</summary>
    private static double? Number(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => (double?)null,
        };
        return parsed is { } p && double.IsFinite(p) && Math.Abs(p) < 7.9e28 ? p : null;
    }

    private static int? Integer(JsonElement? element, string name) =>
        Number(element, name) is { } n && n >= 0 && n <= int.MaxValue ? (int)n : null;

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
