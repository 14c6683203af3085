using System.Globalization;

namespace NetworkCenter.Workflows.Localization;

/// <summary>
/// A message for a person: <see cref="Code"/> is stable, for clients to match on; <see cref="Text"/> is in the language of
/// the current UI culture, which the host sets for each request.
/// </summary>
public sealed record ServerMessage(string Code, string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// The language of the messages the server writes. ASP.NET Core's RequestLocalization middleware chooses it per request
/// and sets <see cref="CultureInfo.CurrentUICulture"/>; outside a request (jobs, logs, engine tests) the culture is the
/// process's, and the messages are English, the language of the logs.
/// <para>
/// The messages themselves live in small typed tables, one per area (<c>FormMessages</c>, <c>EngineMessages</c>,
/// <c>BpmnMessages</c>, <c>FieldMessages</c>, …), each entry a method that takes its parameters and gives both
/// languages, rather than in .resx files read through <c>IStringLocalizer</c>: most messages are built deep in the
/// engine and the domain (a static form validator, the BPMN rules) where no DI container and no localizer reach; a
/// method checks every parameter at compile time where a resource's <c>{0}</c> does not; and the product has exactly
/// two languages, which a translator reads side by side in one place.
/// </para>
/// </summary>
public static class ServerLanguage
{
    /// <summary>Whether messages are written in Chinese now, i.e. the current UI culture is a zh culture.</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message <paramref name="code"/> in the current language.</summary>
    public static ServerMessage Say(string code, string english, string chinese) => new(code, IsChinese ? chinese : english);

    /// <summary>
    /// The part of a bilingual label ("审查意见 Review opinion", "审查意见 / Review opinion") in the current language: the
    /// Chinese part runs to the last CJK character, the English part is what follows it. A label in one language only is
    /// given as written, since that is what the person sees on the screen.
    /// </summary>
    public static string Label(string label)
    {
        var last = -1;
        for (var i = 0; i < label.Length; i++)
        {
            if (IsCjk(label[i]))
            {
                last = i;
            }
        }
        var chinese = label[..(last + 1)].Trim().TrimEnd('/').Trim();
        var english = label[(last + 1)..].Trim().TrimStart('/').Trim();
        if (chinese.Length == 0 || english.Length == 0)
        {
            return label.Trim();
        }
        return IsChinese ? chinese : english;
    }

    // CJK ideographs, CJK punctuation (（）、：，。) and full-width forms.
    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u303F' or >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
