using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Forms;

/// <summary>The rules on text: trimmed length, the schema's pattern, e-mail and phone.</summary>
internal sealed partial class FieldRules
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private const int MaxPatternLength = 1_000;

    private void CheckText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(FormMessages.NotText(_label));
            return;
        }
        var text = value.GetString()!;
        // form-js measures the trimmed text in UTF-16 units, as JavaScript strings do.
        var length = text.Trim().Length;
        if (Integer(_validate, "minLength") is { } minLength && length < minLength)
        {
            Fail(FormMessages.MinLength(_label, minLength));
        }
        if (Integer(_validate, "maxLength") is { } maxLength && length > maxLength)
        {
            Fail(FormMessages.MaxLength(_label, maxLength));
        }
        if (FormDataWalker.Text(_validate, "pattern") is { Length: > 0 } pattern && !IsExpression(pattern))
        {
            CheckPattern(text, pattern);
        }
        switch (FormDataWalker.Text(_validate, "validationType"))
        {
            case "email" when !EmailPattern().IsMatch(text):
                Fail(FormMessages.Email(_label));
                break;
            case "phone" when !PhonePattern().IsMatch(text):
                Fail(FormMessages.Phone(_label));
                break;
        }
    }

    private void CheckPattern(string text, string pattern)
    {
        CheckPatternLength(pattern);
        try
        {
            if (!Matches(text, pattern))
            {
                Fail(FormMessages.Pattern(_label, pattern));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            Fail(FormMessages.PatternTimeout(_label, pattern));
        }
    }

    /// <summary>A broken pattern is the form's fault whether or not this submission filled the field in.</summary>
    private void EnsurePatternIsUsable()
    {
        if (FormDataWalker.Text(_validate, "pattern") is { Length: > 0 } pattern && !IsExpression(pattern))
        {
            CheckPatternLength(pattern);
            Matches("", pattern);
        }
    }

    private void CheckPatternLength(string pattern)
    {
        if (pattern.Length > MaxPatternLength)
        {
            throw new FormSchemaException($"The pattern of '{field}' is longer than {MaxPatternLength} characters.");
        }
    }

    /// <summary>form-js tests the pattern as a JavaScript regular expression; ECMAScript syntax first, .NET's as a fallback.</summary>
    private bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.ECMAScript, PatternTimeout);
        }
        catch (ArgumentException)
        {
        }
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (ArgumentException)
        {
            throw new FormSchemaException($"The pattern of '{field}' is not a valid regular expression: {pattern}");
        }
    }

    // The WHATWG e-mail address syntax, which form-js uses too.
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$", RegexOptions.None, 100)]
    private static partial Regex EmailPattern();

    // form-js accepts international numbers only: + or 00, a country code, then the number.
    [GeneratedRegex(@"^(?:\+|00)[1-9][0-9]{6,22}$", RegexOptions.None, 100)]
    private static partial Regex PhonePattern();
}
