using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Tests.Expressions;

public sealed class JintExpressionEvaluatorFacts
{
    private readonly JintExpressionEvaluator _evaluator = new(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(1) });

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);

    [Fact]
    public void Evaluate_ReturnsTextAsIs_WhenItHasNoExpression()
    {
        Assert.Equal("management, accountancy", _evaluator.Evaluate("management, accountancy", Vars()));
    }

    [Fact]
    public void Evaluate_SingleExpression_ReturnsTypedValue()
    {
        var variables = Vars(("participant", "zhang.san"), ("days", 3), ("items", new List<object?> { "a", "b" }));

        Assert.Equal("zhang.san", _evaluator.Evaluate("${participant}", variables));
        Assert.Equal(5L, _evaluator.Evaluate("${days + 2}", variables));
        Assert.Equal(2.5, _evaluator.Evaluate("${days - 0.5}", variables));
        Assert.Equal(new List<object?> { "a", "b" }, _evaluator.Evaluate("${items}", variables));
    }

    [Fact]
    public void Evaluate_MixedText_ConcatenatesIntoAString()
    {
        Assert.Equal("P3D", _evaluator.Evaluate("P${days}D", Vars(("days", 3))));
    }

    [Theory]
    [InlineData("${a == 1 && b == 'x'}", true)]
    [InlineData("${a eq 1 and b eq 'x'}", true)]
    [InlineData("${a ne 1 or not (b eq 'x')}", false)]
    [InlineData("${a lt 2 && a gt 0 && a le 1 && a ge 1}", true)]
    [InlineData("${empty missingText}", true)]
    [InlineData("${not empty b}", true)]
    [InlineData("${empty list}", true)]
    [InlineData("${!(a != 1)}", true)]
    [InlineData("${b == 'and or not'}", false)]
    [InlineData("${obj.and == 5}", true)]
    public void EvaluateCondition_SupportsJuelOperators(string expression, bool expected)
    {
        var variables = Vars(("a", 1), ("b", "x"), ("missingText", ""), ("list", new List<object?>()),
            ("obj", new Dictionary<string, object?> { ["and"] = 5 }));

        Assert.Equal(expected, _evaluator.EvaluateCondition(new ConditionExpression(expression), variables));
    }

    [Fact]
    public void EvaluateCondition_RunsJavaScriptConditions()
    {
        var condition = new ConditionExpression("var limit = 10; amount > limit;", "javascript");

        Assert.True(_evaluator.EvaluateCondition(condition, Vars(("amount", 12))));
        Assert.False(_evaluator.EvaluateCondition(condition, Vars(("amount", 3))));
    }

    [Fact]
    public void EvaluateCondition_Throws_WhenTheResultIsNotBoolean()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition(new ConditionExpression("${amount}"), Vars(("amount", 3))));

        Assert.Contains("not true or false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Throws_WhenAVariableIsUnknown()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${nobody}", Vars()));

        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_ReturnsAssignedAndNewVariables_ButNotLocals()
    {
        var result = _evaluator.RunScript(
            "var local = 2; let alsoLocal = 3; count = count + local; total = count * 10; unchanged; 'done'",
            Vars(("count", 1), ("unchanged", "same")));

        Assert.Equal(2, result.ChangedVariables.Count);
        Assert.Equal(3L, result.ChangedVariables["count"]);
        Assert.Equal(30L, result.ChangedVariables["total"]);
        Assert.Equal("done", result.Value);
    }

    [Fact]
    public void RunScript_SupportsCamundaExecutionApi()
    {
        var result = _evaluator.RunScript(
            """
            var days = execution.getVariable('days');
            execution.setVariable('deadline', 'P' + (days * 2) + 'D');
            execution.setVariable('same', execution.getVariable('same'));
            execution.setVariable('review', { approved: true, reviewers: ['li', 'wang'], score: 4.5 });
            execution.hasVariable('nothing')
            """,
            Vars(("days", 5), ("same", "x")));

        Assert.Equal("P10D", result.ChangedVariables["deadline"]);
        Assert.Equal("x", result.ChangedVariables["same"]);
        var review = Assert.IsType<Dictionary<string, object?>>(result.ChangedVariables["review"]);
        Assert.Equal(true, review["approved"]);
        Assert.Equal(new List<object?> { "li", "wang" }, review["reviewers"]);
        Assert.Equal(4.5, review["score"]);
        Assert.Equal(false, result.Value);
    }

    [Fact]
    public void Evaluate_ExposesTheExecutionsIdsAndBusinessKey()
    {
        var execution = new ExecutionInfo("inst-1", "CLUE-2026-001", "review", "review-clue");

        Assert.Equal("CLUE-2026-001-brief", _evaluator.Evaluate("${execution.processBusinessKey}-brief", Vars(), execution));
        Assert.Equal("inst-1/review", _evaluator.Evaluate("${execution.getProcessInstanceId() + '/' + execution.currentActivityId}", Vars(), execution));
        Assert.Null(_evaluator.Evaluate("${execution.businessKey}", Vars()));
    }

    [Fact]
    public void RunScript_AcceptsJsonVariables_AndReportsOnlyRealChanges()
    {
        var variables = Vars(
            ("clue", JsonNode.Parse("""{"id": 7, "tags": ["a"], "reporter": {"name": "Li"}}""")),
            ("count", JsonDocument.Parse("3").RootElement));

        var result = _evaluator.RunScript("clue.tags.push(clue.reporter.name); count + clue.id", variables);

        var clue = Assert.IsType<Dictionary<string, object?>>(Assert.Single(result.ChangedVariables).Value);
        Assert.Equal(new List<object?> { "a", "Li" }, clue["tags"]);
        Assert.Equal(10L, result.Value);
    }

    [Fact]
    public void RunScript_PassesDatesAsJavaScriptDates()
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

        var result = _evaluator.RunScript("later = new Date(start.getTime() + 86400000); start.getDate()", Vars(("start", start)));

        Assert.Equal(start.AddDays(1), result.ChangedVariables["later"]);
        Assert.Equal(1L, result.Value);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("execution.getVariable.constructor('return 1')()")]
    public void RunScript_HasNoClrAccessNorStringCompilation(string script)
    {
        Assert.Throws<ExpressionException>(() => _evaluator.RunScript(script, Vars()));
    }

    [Fact]
    public void RunScript_CannotReachClrThroughVariables()
    {
        var error = Assert.Throws<ExpressionException>(() =>
            _evaluator.RunScript("holder.GetType().Assembly", Vars(("holder", new Dictionary<string, object?> { ["x"] = 1 }))));

        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_StopsAnInfiniteLoop_WithinTheLimit()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(500), MaxStatements = int.MaxValue });
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() => evaluator.RunScript("while (true) { }", Vars()));

        Assert.Contains("ran longer than the limit", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void RunScript_StopsAStatementFlood()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.RunScript("for (var i = 0; ; i++) { i = i; }", Vars()));

        Assert.Contains("was stopped", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }")]
    [InlineData("var s = 'x'; while (true) { s = s + s; }")]
    [InlineData("var parts = []; for (var i = 0; i < 64; i++) { parts.push('x'.repeat(1 << 22) + i); } parts.length")]
    public void RunScript_StopsAMemoryBomb(string script)
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionOptions { Timeout = TimeSpan.FromSeconds(10), MaxStatements = int.MaxValue });

        var error = Assert.Throws<ExpressionException>(() => evaluator.RunScript(script, Vars()));

        Assert.Contains("memory limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'x'.repeat(1 << 29)")]
    [InlineData("new Array(500000000).fill(0).length")]
    [InlineData("Array.from({ length: 300000000 }, (_, i) => i).length")]
    public void RunScript_RefusesAGiantAllocation_WithoutCrashing(string script)
    {
        Assert.Throws<ExpressionException>(() => _evaluator.RunScript(script, Vars()));
    }

    [Fact]
    public void RunScript_StopsACatastrophicRegex()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();

        Assert.Throws<ExpressionException>(() => evaluator.RunScript("/^(a+)+$/.test('a'.repeat(40) + '!')", Vars()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public void RunScript_StopsDeepRecursion()
    {
        var error = Assert.Throws<ExpressionException>(() => _evaluator.RunScript("function f(n) { return f(n + 1); } f(0)", Vars()));

        Assert.Contains("recursed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${a ==}")]
    [InlineData("${a")]
    [InlineData("${}")]
    public void CheckExpression_ReportsWhatDoesNotParse(string text)
    {
        Assert.NotNull(_evaluator.CheckExpression(text));
    }

    [Fact]
    public void CheckScript_ReportsASyntaxError_AndAcceptsValidScript()
    {
        Assert.NotNull(_evaluator.CheckScript("var x = ;"));
        Assert.Null(_evaluator.CheckScript("execution.setVariable('x', 1);"));
        Assert.Null(_evaluator.CheckExpression("${a eq 1 and not empty b}"));
    }
}
