using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Expressions;

/// <summary>
/// Evaluates attribute expressions, conditions and script tasks in a sandbox (Jint without CLR access, with time,
/// memory, statement and recursion limits). Variables go in and come out as plain data: null, string, bool, long,
/// double, <see cref="DateTimeOffset"/> (a JavaScript Date), lists and string-keyed dictionaries. Every failure is an
/// <see cref="ExpressionException"/> whose message says what went wrong.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>
    /// An attribute value: text without <c>${</c> is returned as it is; a single <c>${expr}</c> gives the expression's
    /// value; text mixing literals and expressions gives a string.
    /// </summary>
    object? Evaluate(string text, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null);

    /// <summary>
    /// A sequence-flow or completion condition: <c>${...}</c> when it has no language, else a JavaScript script whose
    /// completion value is the result. The result must be a boolean (or the string "true"/"false").
    /// </summary>
    bool EvaluateCondition(ConditionExpression condition, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null);

    /// <summary>
    /// Runs a script task's JavaScript with the variables as globals and Camunda's <c>execution.getVariable</c>,
    /// <c>setVariable</c>, <c>hasVariable</c>. Returns the variables the script set: through <c>execution.setVariable</c>,
    /// by assigning to an existing variable, or by assigning to an undeclared name (locals declared with
    /// <c>var</c>/<c>let</c>/<c>const</c> stay local), and the script's completion value.
    /// </summary>
    ScriptResult RunScript(string script, IReadOnlyDictionary<string, object?> variables, ExecutionInfo? execution = null);

    /// <summary>Null when <paramref name="text"/> (an attribute value with <c>${...}</c> parts) parses, else why not.</summary>
    string? CheckExpression(string text);

    /// <summary>Null when <paramref name="script"/> parses as JavaScript, else why not.</summary>
    string? CheckScript(string script);
}

/// <param name="ChangedVariables">Only the variables the script wrote, with their final values.</param>
/// <param name="Value">The script's completion value (for <c>camunda:resultVariable</c>).</param>
public sealed record ScriptResult(IReadOnlyDictionary<string, object?> ChangedVariables, object? Value);

/// <summary>Sandbox limits for expressions and scripts, under <c>Expressions</c>.</summary>
public sealed class ExpressionOptions
{
    public const string Section = "Expressions";

    /// <summary>Wall-clock limit of one evaluation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Memory one evaluation may allocate.</summary>
    public long MemoryLimitBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Statements one evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>Longest array a script may create.</summary>
    public uint MaxArrayLength { get; set; } = 1_000_000;

    /// <summary>Call depth.</summary>
    public int RecursionLimit { get; set; } = 128;

    /// <summary>Parsed scripts kept for reuse (the cache is cleared when full).</summary>
    public int CacheSize { get; set; } = 2048;
}
