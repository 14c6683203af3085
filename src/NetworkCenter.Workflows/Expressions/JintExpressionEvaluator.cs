using System.Collections.Concurrent;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Runtime;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// One Jint engine per evaluation, so nothing a script does outlives it; parsed scripts are shared. No CLR access is
/// enabled, so <c>System</c>, <c>importNamespace</c> and host types are unreachable; <c>eval</c> is off too.
/// </summary>
internal sealed class JintExpressionEvaluator(ExpressionOptions options) : IExpressionEvaluator
{
    private static readonly HashSet<string> JavaScriptLanguages = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js", "ecmascript" };

    private static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "CST");

    private readonly ConcurrentDictionary<string, Prepared<Script>> _cache = new(StringComparer.Ordinal);

    public JintExpressionEvaluator() : this(new ExpressionOptions())
    {
    }

    public static bool IsJavaScript(string? language) => language is not null && JavaScriptLanguages.Contains(language);

    public object? Evaluate(string text, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null)
    {
        if (!JuelTranslator.ContainsExpression(text))
        {
            return text;
        }

        var what = $"the expression {Shorten(text)}";
        List<JuelTranslator.Segment> segments;
        try
        {
            segments = JuelTranslator.Split(text);
        }
        catch (ExpressionException e)
        {
            throw new ExpressionException($"{what} {e.Message}", e);
        }

        if (segments is [JuelTranslator.Expression single])
        {
            return Execute(ExpressionSource(single.Body), variables, what, execution, readGlobals: false).Value;
        }

        return string.Concat(segments.Select(segment => segment switch
        {
            JuelTranslator.Expression e => Format(Execute(ExpressionSource(e.Body), variables, what, execution, readGlobals: false).Value),
            JuelTranslator.Literal l => l.Text,
            _ => "",
        }));
    }

    public bool EvaluateCondition(ConditionExpression condition, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null)
    {
        object? result;
        if (condition.IsScript)
        {
            if (!IsJavaScript(condition.Language))
            {
                throw new ExpressionException($"condition language \"{condition.Language}\" is not supported; use javascript");
            }

            result = Execute(condition.Text, variables, $"the condition script {Shorten(condition.Text)}", execution, readGlobals: false).Value;
        }
        else
        {
            result = Evaluate(condition.Text, variables, execution);
        }

        return result switch
        {
            bool b => b,
            string s when bool.TryParse(s.Trim(), out var parsed) => parsed,
            _ => throw new ExpressionException($"the condition {condition.Text} gave {Describe(result)}, not true or false"),
        };
    }

    public ScriptResult RunScript(string script, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null)
    {
        var run = Execute(script, variables, "the script", execution, readGlobals: true);
        var changed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in run.Globals)
        {
            var isInput = variables.TryGetValue(name, out var before);
            if (run.ExplicitlySet.Contains(name) || !isInput || !PlainData.DeepEquals(PlainData.Normalize(before), value))
            {
                changed[name] = value;
            }
        }

        return new ScriptResult(changed, run.Value);
    }

    public string? CheckExpression(string text)
    {
        try
        {
            foreach (var segment in JuelTranslator.Split(text).OfType<JuelTranslator.Expression>())
            {
                if (string.IsNullOrWhiteSpace(segment.Body))
                {
                    return "is empty";
                }

                Prepare(ExpressionSource(segment.Body));
            }

            return null;
        }
        catch (ExpressionException e)
        {
            return e.Message;
        }
    }

    public string? CheckScript(string script)
    {
        try
        {
            Prepare(script);
            return null;
        }
        catch (ExpressionException e)
        {
            return e.Message;
        }
    }

    // Parenthesised so an object literal or a trailing comment cannot change what the expression means.
    private static string ExpressionSource(string body) => "(" + JuelTranslator.ToJavaScript(body) + "\n)";

    private Prepared<Script> Prepare(string source)
    {
        if (_cache.TryGetValue(source, out var cached))
        {
            return cached;
        }

        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(source);
        }
        catch (Exception e) when (e is ParseErrorException or JintException)
        {
            throw new ExpressionException($"does not parse: {e.Message}", e);
        }

        if (_cache.Count >= options.CacheSize)
        {
            _cache.Clear();
        }

        _cache.TryAdd(source, prepared);
        return prepared;
    }

    private sealed record Run(object? Value, IReadOnlyDictionary<string, object?> Globals, IReadOnlySet<string> ExplicitlySet);

    /// <summary>
    /// Runs <paramref name="source"/> in a new engine. Only a script's globals are read back afterwards
    /// (<paramref name="readGlobals"/>): an expression or a condition gives a value and nothing else.
    /// </summary>
    private Run Execute(string source, IReadOnlyDictionary<string, object?> variables, string what, ExecutionInfo? execution, bool readGlobals)
    {
        Prepared<Script> prepared;
        try
        {
            prepared = Prepare(source);
        }
        catch (ExpressionException e)
        {
            throw new ExpressionException($"{what} {e.Message}", e);
        }

        var engine = new Engine(o =>
        {
            o.LimitMemory(options.MemoryLimitBytes)
                .TimeoutInterval(options.Timeout)
                .MaxStatements(options.MaxStatements)
                .LimitRecursion(options.RecursionLimit)
                .DisableStringCompilation()
                .LocalTimeZone(ChinaStandardTime);

            // A single huge array or a catastrophic regex would do its harm before the amortised checks run.
            o.Constraints.MaxArraySize = options.MaxArrayLength;
            o.Constraints.RegexTimeout = options.Timeout;
        });
        var builtIns = readGlobals ? engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal) : [];
        var explicitlySet = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, value) in variables)
            {
                engine.SetValue(name, JsValueConverter.ToJs(engine, value));
            }

            if (JintSandbox.MayReach(source))
            {
                JintSandbox.Install(engine, explicitlySet, execution);
            }
            var completion = engine.Evaluate(prepared);
            var globals = readGlobals ? JintSandbox.ReadGlobals(engine, builtIns, variables, explicitlySet) : new Dictionary<string, object?>();
            return new Run(JsValueConverter.ToClr(completion), globals, explicitlySet);
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException($"{what} failed: {e.Message}", e);
        }
        catch (Exception e) when (e is StatementsCountOverflowException or TimeoutException or OperationCanceledException)
        {
            throw new ExpressionException(
                $"{what} was stopped: it ran longer than the limit ({options.Timeout.TotalSeconds:0.##} s or {options.MaxStatements} statements)", e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new ExpressionException($"{what} was stopped: it used more than the memory limit of {options.MemoryLimitBytes} bytes", e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ExpressionException($"{what} was stopped: it recursed deeper than {options.RecursionLimit} calls", e);
        }
        catch (JintException e)
        {
            throw new ExpressionException($"{what} failed: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // Jint's answer to what the sandbox leaves switched off, such as import() with module loading disabled.
            throw new ExpressionException($"{what} failed: {e.Message}", e);
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Describe(object? value) => value is null ? "null" : $"{Format(value)} ({value.GetType().Name})";
}
