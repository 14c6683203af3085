using System.Text;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// Splits text with <c>${...}</c> (or <c>#{...}</c>) parts and rewrites JUEL's word operators (<c>and or not eq ne lt gt
/// le ge div mod</c>, and <c>empty x</c> for a simple name or property path) into JavaScript. Anything else is already
/// JavaScript-compatible or is left for Jint to reject.
/// </summary>
internal static class JuelTranslator
{
    public abstract record Segment;

    public sealed record Literal(string Text) : Segment;

    public sealed record Expression(string Body) : Segment;

    private static readonly Dictionary<string, string> WordOperators = new(StringComparer.Ordinal)
    {
        ["and"] = "&&", ["or"] = "||", ["not"] = "!", ["eq"] = "==", ["ne"] = "!=",
        ["lt"] = "<", ["gt"] = ">", ["le"] = "<=", ["ge"] = ">=", ["div"] = "/", ["mod"] = "%",
    };

    public static bool ContainsExpression(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal);

    /// <exception cref="ExpressionException">An expression is not closed.</exception>
    public static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if ((text[i] == '$' || text[i] == '#') && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = FindClose(text, i + 2);
                if (end < 0)
                {
                    throw new ExpressionException($"is not closed with '}}' (it opens at position {i + 1})");
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Literal(literal.ToString()));
                    literal.Clear();
                }

                segments.Add(new Expression(text[(i + 2)..end]));
                i = end + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Literal(literal.ToString()));
        }

        return segments;
    }

    private static int FindClose(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i = SkipString(text, i);
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }

    private static int SkipString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[quote])
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The body of one <c>${...}</c> as a JavaScript expression.</summary>
    public static string ToJavaScript(string body)
    {
        var output = new StringBuilder(body.Length + 8);
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c is '\'' or '"')
            {
                var end = Math.Min(SkipString(body, i), body.Length - 1);
                output.Append(body, i, end - i + 1);
                i = end + 1;
            }
            else if (IsIdentifierStart(c))
            {
                var start = i;
                while (i < body.Length && IsIdentifierPart(body[i]))
                {
                    i++;
                }

                var word = body[start..i];
                var isMember = PreviousNonSpace(body, start) == '.';
                if (!isMember && word == "empty" && TryReadPath(body, i, out var path, out var after))
                {
                    output.Append("__isEmpty(").Append(path).Append(')');
                    i = after;
                }
                else
                {
                    output.Append(!isMember && WordOperators.TryGetValue(word, out var op) ? $" {op} " : word);
                }
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    // `empty` is rewritten only before a name or a dotted path; anything more complex is left to fail loudly.
    private static bool TryReadPath(string body, int from, out string path, out int after)
    {
        var i = from;
        while (i < body.Length && char.IsWhiteSpace(body[i]))
        {
            i++;
        }

        var start = i;
        while (i < body.Length && (IsIdentifierPart(body[i]) || (body[i] == '.' && i > start)))
        {
            i++;
        }

        path = body[start..i];
        after = i;
        return path.Length > 0 && IsIdentifierStart(path[0]) && !path.EndsWith('.');
    }

    private static char PreviousNonSpace(string body, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(body[i]))
            {
                return body[i];
            }
        }

        return '\0';
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
