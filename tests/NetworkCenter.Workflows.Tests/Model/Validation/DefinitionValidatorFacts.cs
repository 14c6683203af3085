namespace NetworkCenter.Workflows.Tests.Model.Validation;

public sealed class DefinitionValidatorFacts
{
    private static void AssertProblem(string fixture, string? elementId, string reason)
    {
        var definitions = BpmnFixture.Load($"Validation/{fixture}");

        Assert.False(definitions.IsValid);
        Assert.True(
            definitions.Problems.Any(p => p.ElementId == elementId && p.Message.Contains(reason, StringComparison.Ordinal)),
            $"expected a problem on {elementId ?? "(file)"} mentioning \"{reason}\", got:\n"
                + string.Join("\n", definitions.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
    }

    [Fact]
    public void Validate_RejectsComplexGateway_NamingItsKind() =>
        AssertProblem("unsupported-complex-gateway.bpmn", "complex", "complexGateway is not supported");

    [Fact]
    public void Validate_RejectsReceiveTask_SuggestingAMessageCatchEvent() =>
        AssertProblem("unsupported-receive-task.bpmn", "wait", "use an intermediate message catch event");

    [Theory]
    [InlineData("byClass", "camunda:class")]
    [InlineData("byDelegate", "camunda:delegateExpression")]
    public void Validate_RejectsJavaDelegates_PointingToExternalTasks(string elementId, string attribute) =>
        AssertProblem("java-delegate.bpmn", elementId, $"{attribute} (a Java delegate) is not supported; use camunda:type=\"external\"");

    [Theory]
    [InlineData("toNowhere", "targetRef \"nowhere\"")]
    [InlineData("fromGhost", "sourceRef \"ghost\"")]
    public void Validate_RejectsFlowToOrFromMissingElement(string flowId, string reason) =>
        AssertProblem("flow-to-missing-element.bpmn", flowId, reason);

    [Fact]
    public void Validate_RejectsGatewayWithNoWayOut() =>
        AssertProblem("gateway-without-way-out.bpmn", "fork", "has no outgoing sequence flow");

    [Fact]
    public void Validate_RejectsTaskWithNoWayOut() =>
        AssertProblem("task-without-way-out.bpmn", "review", "has no outgoing sequence flow");

    [Fact]
    public void Validate_RejectsExclusiveGatewayFlowWithoutConditionOrDefault() =>
        AssertProblem("exclusive-gateway-unconditioned.bpmn", "decide", "toB has neither a condition nor is the default flow");

    [Fact]
    public void Validate_AcceptsExclusiveGatewayWithDefaultFlow() =>
        BpmnFixture.AssertClean(BpmnFixture.Load("Validation/exclusive-gateway-with-default.bpmn"));

    [Theory]
    [InlineData("timer-invalid-duration.bpmn", "wait", "timeDuration \"P7X\" is not an ISO 8601 duration")]
    [InlineData("timer-invalid-date.bpmn", "wait", "timeDate \"2026-13-01T00:00:00Z\" is not an ISO 8601 date-time")]
    [InlineData("timer-invalid-cycle.bpmn", "wait", "timeCycle \"R3/P1D/P2D\" is not an ISO 8601 repeating interval")]
    [InlineData("user-task-invalid-due-date.bpmn", "review", "camunda:dueDate \"three days\" is neither an ISO 8601 duration")]
    public void Validate_RejectsInvalidIso8601(string fixture, string elementId, string reason) =>
        AssertProblem(fixture, elementId, reason);

    [Fact]
    public void Validate_AcceptsIsoDurationsDatesCyclesAndExpressions() =>
        BpmnFixture.AssertClean(BpmnFixture.Load("Validation/valid-iso-values.bpmn"));

    [Fact]
    public void Validate_RejectsConditionThatDoesNotParse() =>
        AssertProblem("expression-does-not-parse.bpmn", "broken", "the condition: the expression ${amount >} does not parse");

    [Fact]
    public void Validate_RejectsScriptThatDoesNotParse() =>
        AssertProblem("script-does-not-parse.bpmn", "compute", "the script does not parse");

    [Fact]
    public void Validate_RejectsTopicWithoutHandler() =>
        AssertProblem("unknown-topic.bpmn", "notify", "no handler is registered for topic \"no-such-handler\"");

    [Fact]
    public void Validate_RejectsRetryCycleThatIsNotARepeatingInterval() =>
        AssertProblem("retry-cycle-invalid.bpmn", "notify", "camunda:failedJobRetryTimeCycle \"five times\" is not an ISO 8601 repeating interval");

    [Fact]
    public void Validate_RejectsCallActivityWithoutCalledElement() =>
        AssertProblem("call-activity-without-called-element.bpmn", "call", "needs calledElement");

    [Fact]
    public void Validate_RejectsProcessWithoutStartEvent() =>
        AssertProblem("no-start-event.bpmn", "p", "has no start event");

    [Fact]
    public void Validate_RejectsFileWithoutExecutableProcess() =>
        AssertProblem("no-executable-process.bpmn", "p", "the file has no executable process");

    [Fact]
    public void Validate_RejectsErrorBoundaryOnUserTask() =>
        AssertProblem("error-boundary-on-user-task.bpmn", "failed", "error boundary events are supported on service and send tasks");

    [Fact]
    public void Validate_RejectsSubProcessWithoutStartEvent() =>
        AssertProblem("sub-process-without-start.bpmn", "inner", "needs exactly one start event");

    [Fact]
    public void Validate_RejectsTimerStartEventWithDuration() =>
        AssertProblem("timer-start-duration.bpmn", "start", "needs timeDate or timeCycle");

    [Theory]
    [InlineData("review", "calendar=legal counts whole days, weeks, months or years, but \"PT36H\" has a time part")]
    [InlineData("deadline", "calendar \"lunar\" is unknown")]
    public void Validate_RejectsCalendarPropertiesItCannotHonour(string elementId, string reason) =>
        AssertProblem("legal-calendar-with-time.bpmn", elementId, reason);

    [Fact]
    public void Validate_ReturnsEveryProblemAtOnce()
    {
        var problems = BpmnFixture.Load("Validation/many-problems.bpmn").Problems;

        Assert.Contains(problems, p => p.ElementId == "complex");
        Assert.Contains(problems, p => p.ElementId == "notify");
        Assert.Contains(problems, p => p.ElementId == "wait" && p.Message.Contains("\"soon\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "dangling");
    }
}
