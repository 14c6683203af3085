using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime;

/// <summary>
/// The runtime's view of the sandboxed evaluator: variables come from an execution's scope chain and results go back
/// as JSON. Every failure becomes an <see cref="IncidentException"/>, so a bad expression stops only its own token.
/// </summary>
internal sealed class ExpressionRunner(IExpressionEvaluator evaluator)
{
    public bool IsTrue(ConditionExpression condition, VariableScope scope) =>
        Guard(() => evaluator.EvaluateCondition(condition, scope.ToClr(), scope.Info));

    /// <summary>The value of an attribute: <c>${...}</c> evaluated, anything else the text itself.</summary>
    /// <remarks>Plain text skips copying the scope's variables, which most attributes (a group, a P3D) would not use.</remarks>
    public JsonNode? Evaluate(string text, VariableScope scope) =>
        VariableScope.FromClr(JuelTranslator.ContainsExpression(text) ? Guard(() => evaluator.Evaluate(text, scope.ToClr(), scope.Info)) : text);

    public string? EvaluateString(string? text, VariableScope scope) =>
        text is null ? null : !JuelTranslator.ContainsExpression(text) ? text : Evaluate(text, scope) switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonArray a => string.Join(',', a.Select(i => i is JsonValue iv && iv.TryGetValue<string>(out var s) ? s : i?.ToString())),
            var other => other.ToString(),
        };

    public void RunScript(ScriptTask task, VariableScope scope)
    {
        var result = Guard(() => evaluator.RunScript(task.Script ?? "", scope.ToClr(), scope.Info));
        foreach (var (name, value) in result.ChangedVariables)
        {
            scope.Set(name, VariableScope.FromClr(value));
        }
        if (!string.IsNullOrEmpty(task.ResultVariable))
        {
            scope.Set(task.ResultVariable, VariableScope.FromClr(result.Value));
        }
    }

    private static T Guard<T>(Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ExpressionException e)
        {
            throw new IncidentException(e.Message, e);
        }
    }
}
