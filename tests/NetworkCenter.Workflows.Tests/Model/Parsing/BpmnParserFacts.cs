using System.Text;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Model.Parsing;

namespace NetworkCenter.Workflows.Tests.Model.Parsing;

public sealed class BpmnParserFacts
{
    private static ProcessDefinitionModel Single(string fixture)
    {
        var definitions = BpmnFixture.Load($"Parsing/{fixture}");
        BpmnFixture.AssertClean(definitions);
        return Assert.Single(definitions.ExecutableProcesses);
    }

    [Fact]
    public void Parse_UserTask_ReadsCamundaAttributesAndProperties()
    {
        var process = Single("user-task.bpmn");

        Assert.Equal("review-clue", process.Key);
        Assert.Equal("Review a clue", process.Name);
        var start = Assert.Single(process.StartEvents);
        Assert.Equal(("clue-intake", "starter"), (start.FormKey, start.Initiator));
        var task = process.Get<UserTask>("review");
        Assert.Equal("${participant}", task.Assignee);
        Assert.Equal(["li", "wang"], UserTask.SplitList(task.CandidateUsers));
        Assert.Equal(["supervisors", "leaders"], UserTask.SplitList(task.CandidateGroups));
        Assert.Equal(("P3D", "P1D", "75", "review-clue"), (task.DueDate, task.FollowUpDate, task.Priority, task.FormKey));
        Assert.True(task.UsesLegalCalendar);
        Assert.Equal("reminder", task.Properties["template"]);
        Assert.Equal(["toReview"], task.Incoming);
        Assert.Equal(["toEnd"], task.Outgoing);
        Assert.Null(task.ParentId);
    }

    [Fact]
    public void Parse_ExternalAndScriptTasks_ReadTopicsScriptsAndErrorBoundaries()
    {
        var process = Single("external-and-script-tasks.bpmn");

        var script = process.Get<ScriptTask>("compute");
        Assert.Equal(("javascript", "total"), (script.ScriptFormat, script.ResultVariable));
        Assert.Contains("execution.setVariable('days'", script.Script, StringComparison.Ordinal);
        Assert.Equal(("external", "register-clue"), (process.Get<ServiceTask>("register").ImplementationType, process.Get<ServiceTask>("register").Topic));
        Assert.Equal("R5/PT5M", process.Get<ServiceTask>("register").RetryTimeCycle);
        var send = process.Get<SendTask>("send");
        Assert.Equal("send-notice", send.Topic);
        var boundary = Assert.Single(process.BoundaryEventsOf("send"));
        Assert.Equal("NOTICE_FAILED", boundary.Error?.ErrorCode);
        Assert.True(boundary.CancelActivity);
        Assert.Equal("task", process.Get<PassThroughTask>("note").Kind);
    }

    [Fact]
    public void Parse_Gateways_ReadDefaultsAndConditionsInDocumentOrder()
    {
        var process = Single("gateways.bpmn");

        var decide = process.Get<ExclusiveGateway>("decide");
        Assert.Equal("otherwise", decide.DefaultFlowId);
        Assert.Equal(["big", "otherwise"], decide.Outgoing);
        Assert.Equal(new ConditionExpression("${amount gt 1000 and not empty reviewer}"), process.Flows["big"].Condition);
        Assert.Equal(new ConditionExpression("amount > 10", "javascript"), process.Flows["js"].Condition);
        Assert.Equal("always", process.Get<InclusiveGateway>("fanOut").DefaultFlowId);
        Assert.Equal(["left", "right"], process.Get<ParallelGateway>("join").Incoming);
        Assert.Equal(["fork", "join"], process.OutgoingFlows("fork").Select(f => f.TargetId).Prepend("fork").Distinct());
    }

    [Fact]
    public void Parse_Events_ReadTimersMessagesTerminateAndBoundaries()
    {
        var process = Single("events.bpmn");

        Assert.Equal(["weekly", "byMessage", "byHand"], process.StartEvents.Select(s => s.Id));
        Assert.Equal("byHand", process.NoneStartEvent?.Id);
        Assert.Equal(["weekly"], process.TimerStartEvents.Select(s => s.Id));
        Assert.Equal("byMessage", process.MessageStartEvent("liaison-reply")?.Id);
        var weekly = process.Get<StartEvent>("weekly");
        Assert.Equal(new TimerEventDefinition(TimerKind.Cycle, "R/P7D"), weekly.Timer);
        Assert.True(weekly.UsesLegalCalendar);
        Assert.Equal("liaison-reply", process.Get<StartEvent>("byMessage").Message?.MessageName);
        var remind = process.Get<BoundaryEvent>("remind");
        Assert.Equal(("answer", false, "R6/P1D"), (remind.AttachedToId, remind.CancelActivity, remind.Timer?.Value));
        Assert.Equal(TimerKind.Duration, process.Get<BoundaryEvent>("deadline").Timer?.Kind);
        Assert.Equal(["remind", "deadline", "withdrawn"], process.Get<UserTask>("answer").BoundaryEventIds);
        Assert.IsType<EventBasedGateway>(process.Elements["race"]);
        Assert.Equal(TimerKind.Date, process.Get<IntermediateCatchEvent>("giveUp").Timer?.Kind);
        Assert.True(process.Get<EndEvent>("stopAll").IsTerminate);
        Assert.Equal("send-notice", process.Get<EndEvent>("tell").Topic);
    }

    [Fact]
    public void Parse_Scopes_ReadSubProcessMultiInstanceAndCallActivityMappings()
    {
        var process = Single("scopes.bpmn");

        var consult = process.Get<SubProcess>("consult");
        Assert.Equal(["consultStart", "opinion", "consultEnd"], consult.ChildIds);
        Assert.Equal(["consultStart"], consult.StartEventIds);
        Assert.Equal(new MultiInstanceCharacteristics(true, "${experts}", "expert", null, new ConditionExpression("${nrOfCompletedInstances ge 3}")), consult.MultiInstance);
        Assert.Equal("consult", process.Elements["opinion"].ParentId);
        Assert.Equal("consult", process.Flows["c1"].ParentId);
        Assert.Equal("2", process.Get<UserTask>("opinion").MultiInstance?.LoopCardinality);
        Assert.False(process.Get<UserTask>("opinion").MultiInstance?.IsSequential);
        Assert.Equal(["start", "consult", "brief", "end"], process.ChildrenOf(null).Select(n => n.Id));

        var brief = process.Get<CallActivity>("brief");
        Assert.Equal(("write-brief", "latest"), (brief.CalledElement, brief.CalledElementBinding));
        Assert.Equal(
            [
                new VariableMapping(null, null, null, true),
                new VariableMapping("clueId", null, "clue", false),
                new VariableMapping(null, "${clueId + '-brief'}", "briefId", false),
                new VariableMapping(null, null, null, false, false, "#{execution.processBusinessKey}"),
            ],
            brief.In);
        Assert.Equal([new VariableMapping("briefText", null, "brief", false), new VariableMapping(null, null, null, true, true)], brief.Out);
    }

    [Fact]
    public void Parse_Collaboration_RunsTheExecutablePoolAndIgnoresLanesArtifactsDiagramAndTheOtherPool()
    {
        var definitions = BpmnFixture.Load("Parsing/collaboration.bpmn");

        BpmnFixture.AssertClean(definitions);
        Assert.Equal(["center", "liaison"], definitions.Processes.Select(p => p.Id));
        var center = Assert.Single(definitions.ExecutableProcesses);
        Assert.Equal(["start", "ask", "end"], center.Elements.Keys);
    }

    [Theory]
    [InlineData("user-task.bpmn")]
    [InlineData("external-and-script-tasks.bpmn")]
    [InlineData("gateways.bpmn")]
    [InlineData("events.bpmn")]
    [InlineData("scopes.bpmn")]
    [InlineData("mixed-prefixes.bpmn")]
    public void Parse_MatchesElementsByNamespace_WhateverThePrefix(string fixture)
    {
        // bpmn:, default namespace, semantic:, bpmn2:, model:, and two prefixes for one namespace in one file.
        BpmnFixture.AssertClean(BpmnFixture.Load($"Parsing/{fixture}"));
    }

    [Fact]
    public void Parse_FileWithoutDiagram_ParsesAndValidatesClean()
    {
        var xml = BpmnFixture.Read("Parsing/user-task.bpmn");

        Assert.DoesNotContain("BPMNDiagram", xml, StringComparison.Ordinal);
        BpmnFixture.AssertClean(BpmnFixture.LoadXml(xml));
    }

    [Fact]
    public void Parse_IgnoresElementsOfOtherNamespaces_EvenWithTheBpmnPrefix()
    {
        var process = Single("mixed-prefixes.bpmn");

        Assert.Equal(["start", "review", "end"], process.Elements.Keys);
        Assert.Equal("supervisors", process.Get<UserTask>("review").CandidateGroups);
    }

    [Fact]
    public void Parse_RefusesAFileWhoseRootIsNotBpmn()
    {
        var problem = Assert.Single(BpmnFixture.Load("Parsing/wrong-namespace.bpmn").Problems);

        Assert.Null(problem.ElementId);
        Assert.Contains("not BPMN 2.0 definitions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesDtd_WithElementlessProblem()
    {
        var problem = Assert.Single(BpmnFixture.Load("Parsing/dtd.bpmn").Problems);

        Assert.Null(problem.ElementId);
        Assert.Contains("DTDs are not allowed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesMalformedXml_WithLineAndPosition()
    {
        var problem = Assert.Single(BpmnFixture.Load("Parsing/malformed.bpmn").Problems);

        Assert.Null(problem.ElementId);
        Assert.Contains("not well-formed XML", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Line 6", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesAFileOverTheSizeLimit_FromStringAndStream()
    {
        var xml = BpmnFixture.Read("Parsing/user-task.bpmn");
        var options = new BpmnParserOptions { MaxBytes = 1000 };

        var fromString = Assert.Single(BpmnParser.Parse(xml, options).Problems);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var fromStream = Assert.Single(BpmnParser.Parse(stream, options).Problems);

        Assert.Contains("larger than the limit of 1000 bytes", fromString.Message, StringComparison.Ordinal);
        Assert.Equal(fromString, fromStream);
    }

    [Fact]
    public void Parse_RefusesDeepNesting_WithoutRecursingIntoIt()
    {
        var depth = 100_000;
        var xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">"
            + string.Concat(Enumerable.Range(0, depth).Select(i => $"<subProcess id=\"s{i}\">"))
            + string.Concat(Enumerable.Repeat("</subProcess>", depth)) + "</process></definitions>";

        var problem = Assert.Single(BpmnParser.Parse(xml).Problems);

        Assert.Null(problem.ElementId);
        Assert.Contains("nested deeper than 100 levels", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsAStreamInTheEncodingItDeclares_IncludingGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = BpmnFixture.Read("Parsing/user-task.bpmn").Replace("UTF-8", "GBK", StringComparison.Ordinal).Replace("Review a clue", "审查线索", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.GetEncoding("GBK").GetBytes(xml));

        var definitions = BpmnParser.Parse(stream);

        Assert.Empty(definitions.Problems);
        Assert.Equal("审查线索", Assert.Single(definitions.Processes).Name);
    }

    [Fact]
    public async Task Load_ALargeModel_FinishesQuickly()
    {
        const int count = 20_000;
        var xml = new StringBuilder("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"big\"><startEvent id=\"start\" />");
        xml.Append("<subProcess id=\"inner\"><startEvent id=\"innerStart\" />");
        for (var i = 0; i < count; i++)
        {
            xml.Append($"<userTask id=\"t{i}\" /><sequenceFlow id=\"f{i}\" sourceRef=\"{(i == 0 ? "innerStart" : $"t{i - 1}")}\" targetRef=\"t{i}\" />");
        }

        xml.Append($"<endEvent id=\"innerEnd\" /><sequenceFlow id=\"last\" sourceRef=\"t{count - 1}\" targetRef=\"innerEnd\" /></subProcess>");
        xml.Append("<endEvent id=\"end\" /><sequenceFlow id=\"in\" sourceRef=\"start\" targetRef=\"inner\" /><sequenceFlow id=\"out\" sourceRef=\"inner\" targetRef=\"end\" /></process></definitions>");

        var definitions = await Task.Run(() => BpmnFixture.LoadXml(xml.ToString())).WaitAsync(TimeSpan.FromSeconds(20));

        BpmnFixture.AssertClean(definitions);
        Assert.Equal(count + 2, Assert.Single(definitions.Processes).Get<SubProcess>("inner").ChildIds.Count);
    }

    [Fact]
    public void Parse_ReadsAStream_LikeAString()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(BpmnFixture.Read("Parsing/user-task.bpmn")));

        var definitions = BpmnParser.Parse(stream);

        Assert.Empty(definitions.Problems);
        Assert.Equal("review-clue", Assert.Single(definitions.Processes).Id);
    }
}
