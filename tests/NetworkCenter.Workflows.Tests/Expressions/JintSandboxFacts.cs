using System.Diagnostics;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Tests.Expressions;

/// <summary>
/// The sandbox against hostile scripts and expressions the evaluator facts do not cover: other ways to the CLR, and
/// results or sources whose cost lies outside the engine's own limits (conversion and parsing).
/// </summary>
public sealed class JintSandboxFacts
{
    private readonly JintExpressionEvaluator _evaluator = new(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(1) });

    private static readonly Dictionary<string, object?> NoVariables = [];

    [Theory]
    [InlineData("clrType('System.IO.File')")]
    [InlineData("System.Reflection.Assembly.GetExecutingAssembly()")]
    [InlineData("importNamespace('System').Environment.Exit(1)")]
    [InlineData("require('fs')")]
    [InlineData("process.exit(1)")]
    [InlineData("host.type('System.IO.File')")]
    [InlineData("Object.getPrototypeOf(execution.setVariable).constructor('return this')()")]
    [InlineData("execution.setVariable.call.constructor('return 1')()")]
    [InlineData("Reflect.construct(Function, ['return 1'])()")]
    [InlineData("(async function(){}).constructor('return 1')()")]
    [InlineData("(function*(){}).constructor('return 1')()")]
    [InlineData("import('fs')")]
    [InlineData("execution.getVariable.GetType()")]
    [InlineData("__isEmpty.Method.DeclaringType")]
    public void RunScript_FindsNoOtherWayToTheClr(string script)
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.RunScript(script, NoVariables));

        Assert.StartsWith("the script", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof clrType")]
    [InlineData("typeof globalThis.System")]
    [InlineData("typeof execution.getVariable.Method")]
    [InlineData("typeof execution.getVariable.Target")]
    public void RunScript_SeesNoHostNames(string script)
    {
        Assert.Equal("undefined", _evaluator.RunScript(script, NoVariables).Value);
    }

    /// <summary>
    /// The helpers are installed only for sources that can reach them (JintSandbox.MayReach): by name, or through the
    /// global object under any spelling that mentions it.
    /// </summary>
    [Theory]
    [InlineData("globalThis['exec' + 'ution'].getVariable('days')")]
    [InlineData("this['exec' + 'ution'].getVariable('days')")]
    [InlineData("(function () { return this; })()['exec' + 'ution'].getVariable('days')")]
    [InlineData("Reflect.get(globalThis, 'exec' + 'ution').getVariable('days')")]
    public void ScriptsAndConditions_ReachExecution_ThroughTheGlobalObject(string script)
    {
        var variables = new Dictionary<string, object?> { ["days"] = 3.0 };

        Assert.Equal(3.0, Convert.ToDouble(_evaluator.RunScript(script, variables).Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(_evaluator.EvaluateCondition(new ConditionExpression(script + " == 3", "javascript"), variables));
    }

    [Fact]
    public void Evaluate_ReadsNoGlobalsBack_YetAConditionWithoutHelpersStillSeesItsVariables()
    {
        var variables = new Dictionary<string, object?> { ["finished"] = true, ["count"] = 2.0, ["name"] = "" };

        Assert.True(_evaluator.EvaluateCondition(new ConditionExpression("${finished == true}", null), variables));
        Assert.Equal(3.0, Convert.ToDouble(_evaluator.Evaluate("${count + 1}", variables), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(true, _evaluator.Evaluate("${empty name}", variables));
    }

    [Fact]
    public void Evaluate_StopsAnEndlessLoopInsideAnExpression()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.Evaluate("${(function () { while (true) {} })()}", NoVariables));

        Assert.Contains("was stopped", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void EvaluateCondition_StopsAConditionScriptThatRecursesForever()
    {
        var condition = new ConditionExpression("function f() { return f(); } f()", "javascript");

        var error = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition(condition, NoVariables));

        Assert.Contains("recursed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_RefusesAResultThatRefersToItself()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.RunScript("var a = {}; a.self = a; result = a;", NoVariables));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    // A small graph of shared arrays is a tree of 2^40 leaves once copied out as plain data.
    [Fact]
    public void RunScript_RefusesAResultThatExplodesWhenCopiedOut()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.RunScript("var a = [1]; for (var i = 0; i < 40; i++) { a = [a, a]; } result = a;", NoVariables));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed}");
    }

    // Four billion holes, each of which the copy would visit.
    [Fact]
    public void RunScript_RefusesAHugeSparseArrayResult_Quickly()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.RunScript("var a = []; a[4294967294] = 1; result = a;", NoVariables));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void RunScript_StillReturnsALargeButReasonableResult()
    {
        var result = _evaluator.RunScript("result = []; for (var i = 0; i < 50000; i++) { result.push({ n: i }); }", NoVariables);

        Assert.Equal(50_000, Assert.IsType<List<object?>>(result.ChangedVariables["result"]).Count);
    }

    [Fact]
    public void RunScript_StopsAGetterThatLoopsWhileTheResultIsCopiedOut()
    {
        var clock = Stopwatch.StartNew();

        Assert.Throws<ExpressionException>(() =>
            _evaluator.RunScript("result = { get x() { while (true) {} } };", NoVariables));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {clock.Elapsed}");
    }

    [Theory]
    [InlineData(100_000, "(", ")")]
    [InlineData(100_000, "[", "]")]
    [InlineData(100_000, "{a:", "}")]
    [InlineData(100_000, "!", "")]
    [InlineData(100_000, "-", "")]
    [InlineData(50_000, "function f(){", "}")]
    [InlineData(50_000, "a?", ":0")]
    public void CheckScriptAndExpression_AnswerForDeeplyNestedSource_WithoutOverflowingTheStack(int depth, string open, string close)
    {
        var source = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

        Assert.NotNull(_evaluator.CheckScript(source));
        Assert.NotNull(_evaluator.CheckExpression("${" + source + "}"));
        Assert.Throws<ExpressionException>(() => _evaluator.RunScript(source, NoVariables));
    }
}
