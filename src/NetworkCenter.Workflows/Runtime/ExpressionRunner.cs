using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// Evaluates conditions, attribute expressions and scripts over an execution's variables. Every failure becomes an
/// <see cref="IncidentException"/>, so a bad expression stops only its own token.
/// </summary>
internal sealed class ExpressionRunner
{
    public bool IsTrue(ConditionExpression condition, VariableScope scope)
    {
        var value = condition.IsScript ? Run(condition.Text, scope, null) : Run(Unwrap(condition.Text), scope, null);
        return value is JsonValue v && v.TryGetValue<bool>(out var b) && b;
    }

    /// <summary>The value of an attribute: <c>${...}</c> evaluated, anything else the text itself.</summary>
    public JsonNode? Evaluate(string text, VariableScope scope)
    {
        var trimmed = text.Trim();
        if (IsWholeExpression(trimmed))
        {
            return Run(Unwrap(trimmed), scope, null);
        }
        return JsonValue.Create(text);
    }

    public string? EvaluateString(string? text, VariableScope scope) =>
        text is null ? null : Evaluate(text, scope) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonArray a => string.Join(',', a.Select(i => i?.ToString())),
            var other => other.ToString(),
        };

    public void RunScript(ScriptTask task, VariableScope scope)
    {
        var result = Run(task.Script ?? "", scope, scope);
        if (!string.IsNullOrEmpty(task.ResultVariable))
        {
            scope.Set(task.ResultVariable, result);
        }
    }

    private static bool IsWholeExpression(string text) =>
        (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.EndsWith('}');

    private static string Unwrap(string text)
    {
        var t = text.Trim();
        return IsWholeExpression(t) ? TranslateJuel(t[2..^1]) : t;
    }

    private static string TranslateJuel(string juel) => juel
        .Replace(" and ", " && ", StringComparison.Ordinal)
        .Replace(" or ", " || ", StringComparison.Ordinal)
        .Replace(" eq ", " == ", StringComparison.Ordinal)
        .Replace(" ne ", " != ", StringComparison.Ordinal)
        .Replace("not ", "!", StringComparison.Ordinal);

    private static JsonNode? Run(string script, VariableScope scope, VariableScope? writable)
    {
        try
        {
            var engine = new Engine(options => options
                .TimeoutInterval(TimeSpan.FromSeconds(2))
                .MaxStatements(100_000)
                .LimitMemory(16_000_000)
                .LimitRecursion(64));
            foreach (var (name, value) in scope.ToClr())
            {
                engine.SetValue(name, JsValue.FromObject(engine, value));
            }
            var execution = new JsObjectFacade(scope, writable);
            engine.SetValue("execution", execution.Build(engine));
            var result = engine.Evaluate(script);
            return VariableScope.FromClr(result.ToObject());
        }
        catch (Exception e) when (e is not IncidentException)
        {
            throw new IncidentException($"Expression failed: {e.Message}", e);
        }
    }

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    /// <summary>Camunda's <c>execution.getVariable/setVariable</c> for scripts, with no CLR object exposed.</summary>
    private sealed class JsObjectFacade(VariableScope scope, VariableScope? writable)
    {
        public JsValue Build(Engine engine)
        {
            var obj = new Jint.Native.JsObject(engine);
            obj.Set("getVariable", new Jint.Runtime.Interop.ClrFunction(engine, "getVariable",
                (_, args) => JsValue.FromObject(engine, VariableScope.ToClr(scope.Get(Arg(args, 0).ToString())))));
            obj.Set("setVariable", new Jint.Runtime.Interop.ClrFunction(engine, "setVariable", (_, args) =>
            {
                if (writable is null)
                {
                    throw new IncidentException("Expressions cannot set variables.");
                }
                writable.Set(Arg(args, 0).ToString(), VariableScope.FromClr(Arg(args, 1).ToObject()));
                return JsValue.Undefined;
            }));
            return obj;
        }
    }
}
