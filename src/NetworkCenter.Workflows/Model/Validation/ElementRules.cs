using System.Globalization;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Localization;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Model.Validation;

/// <summary>The checks of one flow node: its way out, its Camunda attributes, its expressions and ISO 8601 values.</summary>
internal sealed class ElementRules(
    ProcessDefinitionModel process,
    IExpressionEvaluator expressions,
    IReadOnlySet<string> knownTopics,
    List<DefinitionProblem> problems)
{
    private readonly ValueRules _values = new(expressions, problems);

    private void Problem(string elementId, ServerMessage message) => problems.Add(new DefinitionProblem(elementId, message));

    // Rules not yet in BpmnMessages: English only, under the general code.
    private void Problem(string elementId, string message) => problems.Add(new DefinitionProblem(elementId, message));

    public void Check(FlowNode node)
    {
        CheckWayOut(node);
        CheckDefaultFlow(node);
        _values.CheckCalendar(node);
        switch (node)
        {
            case UserTask task:
                CheckUserTask(task);
                break;
            case ExternalWorkActivity work:
                CheckTopic(work.Id, work.ImplementationType, work.Topic, work.Kind);
                if (work.RetryTimeCycle is { } retries && !IsoRepeatingInterval.TryParse(retries, out _))
                {
                    Problem(work.Id, BpmnMessages.RetryCycle(retries));
                }

                break;
            case ScriptTask script:
                CheckScriptTask(script);
                break;
            case CallActivity call:
                CheckCallActivity(call);
                break;
            case SubProcess subProcess:
                CheckSubProcess(subProcess);
                break;
            case ExclusiveGateway gateway:
                CheckExclusiveGateway(gateway);
                break;
            case EventBasedGateway gateway:
                CheckEventBasedGateway(gateway);
                break;
            case EventNode e:
                CheckEvent(e);
                break;
        }

        if (node is Activity { MultiInstance: { } multiInstance })
        {
            CheckMultiInstance(node.Id, multiInstance);
        }

        foreach (var flowId in node.Outgoing)
        {
            if (process.Flows[flowId].Condition is { } condition)
            {
                _values.CheckCondition(flowId, condition);
            }
        }
    }

    private void CheckWayOut(FlowNode node)
    {
        if (node is EndEvent || node.Outgoing.Count > 0)
        {
            return;
        }

        Problem(node.Id, BpmnMessages.NoWayOut(node.Kind, node.Id, node is Gateway));
    }

    private void CheckDefaultFlow(FlowNode node)
    {
        var defaultFlow = node switch
        {
            Activity a => a.DefaultFlowId,
            Gateway g => g.DefaultFlowId,
            _ => null,
        };
        if (defaultFlow is not null && !node.Outgoing.Contains(defaultFlow))
        {
            Problem(node.Id, BpmnMessages.DefaultNotOutgoing(defaultFlow, node.Id));
        }
    }

    private void CheckExclusiveGateway(ExclusiveGateway gateway)
    {
        if (gateway.Outgoing.Count < 2)
        {
            return;
        }

        foreach (var flowId in gateway.Outgoing.Where(f => f != gateway.DefaultFlowId && process.Flows[f].Condition is null))
        {
            Problem(gateway.Id, BpmnMessages.NoCondition(gateway.Id, flowId));
        }
    }

    private void CheckEventBasedGateway(EventBasedGateway gateway)
    {
        if (gateway.Outgoing.Count < 2)
        {
            Problem(gateway.Id, BpmnMessages.EventGatewayFlows());
        }

        foreach (var flow in gateway.Outgoing.Select(f => process.Flows[f]))
        {
            var target = process.Elements.GetValueOrDefault(flow.TargetId);
            if (target is not null and not IntermediateCatchEvent)
            {
                Problem(gateway.Id, BpmnMessages.EventGatewayTarget(flow.Id, target.Kind));
            }

            if (flow.Condition is not null)
            {
                Problem(flow.Id, BpmnMessages.EventGatewayCondition());
            }
        }
    }

    private void CheckSubProcess(SubProcess subProcess)
    {
        var starts = subProcess.StartEventIds.Select(process.Get<StartEvent>).ToList();
        if (starts.Count != 1)
        {
            Problem(subProcess.Id, BpmnMessages.SubProcessStarts(subProcess.Id, starts.Count));
        }

        foreach (var start in starts.Where(s => s.Definition is not null))
        {
            Problem(start.Id, BpmnMessages.SubProcessStartKind());
        }
    }

    private void CheckEvent(EventNode e)
    {
        switch (e.Definition)
        {
            case TimerEventDefinition timer:
                _values.CheckTimer(e.Id, timer);
                if (e is StartEvent && timer.Kind == TimerKind.Duration)
                {
                    Problem(e.Id, BpmnMessages.TimerStartDuration());
                }

                break;
            case MessageEventDefinition message when e is not EndEvent && message.MessageName is null:
                Problem(e.Id, BpmnMessages.MessageRef());
                break;
            case MessageEventDefinition when e is EndEvent end:
                CheckTopic(end.Id, "external", end.Topic, "message end event");
                break;
        }

        if (e is BoundaryEvent boundary)
        {
            CheckBoundary(boundary);
        }
    }

    private void CheckBoundary(BoundaryEvent boundary)
    {
        var host = process.Elements.GetValueOrDefault(boundary.AttachedToId);
        if (host is null && process.RefusedElementIds.Contains(boundary.AttachedToId))
        {
            return;
        }

        if (host is not Activity)
        {
            Problem(boundary.Id, BpmnMessages.AttachedToUnknown(boundary.AttachedToId));
            return;
        }

        if (host.ParentId != boundary.ParentId)
        {
            Problem(boundary.Id, BpmnMessages.BoundaryScope());
        }

        if (boundary.Definition is ErrorEventDefinition && host is not ExternalWorkActivity)
        {
            Problem(boundary.Id, BpmnMessages.ErrorBoundaryHost(host.Kind));
        }
    }

    private void CheckUserTask(UserTask task)
    {
        foreach (var (name, value) in new[]
                 {
                     ("camunda:assignee", task.Assignee), ("camunda:candidateUsers", task.CandidateUsers),
                     ("camunda:candidateGroups", task.CandidateGroups), ("camunda:formKey", task.FormKey),
                 })
        {
            _values.CheckExpressionIfAny(task.Id, name, value);
        }

        _values.CheckTaskDate(task.Id, "camunda:dueDate", task.DueDate);
        _values.CheckTaskDate(task.Id, "camunda:followUpDate", task.FollowUpDate);
        if (task.Priority is { } priority && !ValueRules.IsExpression(priority) && !int.TryParse(priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            Problem(task.Id, BpmnMessages.Priority(priority));
        }
        else
        {
            _values.CheckExpressionIfAny(task.Id, "camunda:priority", task.Priority);
        }
    }

    private void CheckTopic(string elementId, string? type, string? topic, string kind)
    {
        if (type is null || topic is null)
        {
            Problem(elementId, BpmnMessages.NeedsTopic(kind));
            return;
        }

        if (!knownTopics.Contains(topic))
        {
            Problem(elementId, BpmnMessages.UnknownTopic(topic));
        }
    }

    private void CheckScriptTask(ScriptTask task)
    {
        if (string.IsNullOrWhiteSpace(task.Script))
        {
            Problem(task.Id, BpmnMessages.NoScript());
        }
        else if (expressions.CheckScript(task.Script) is { } error)
        {
            Problem(task.Id, $"the script {error}");
        }
    }

    private void CheckCallActivity(CallActivity call)
    {
        if (call.CalledElement is null)
        {
            Problem(call.Id, BpmnMessages.CalledElement());
        }

        _values.CheckExpressionIfAny(call.Id, "calledElement", call.CalledElement);
        foreach (var mapping in call.In.Concat(call.Out))
        {
            _values.CheckExpressionIfAny(call.Id, "sourceExpression", mapping.SourceExpression);
            _values.CheckExpressionIfAny(call.Id, "businessKey", mapping.BusinessKey);
        }
    }

    private void CheckMultiInstance(string elementId, MultiInstanceCharacteristics multiInstance)
    {
        _values.CheckExpressionIfAny(elementId, "camunda:collection", multiInstance.Collection);
        if (multiInstance.LoopCardinality is { } cardinality && !ValueRules.IsExpression(cardinality)
            && !int.TryParse(cardinality, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            Problem(elementId, BpmnMessages.LoopCardinality(cardinality));
        }

        _values.CheckExpressionIfAny(elementId, "loopCardinality", multiInstance.LoopCardinality);
        if (multiInstance.CompletionCondition is { } condition)
        {
            _values.CheckCondition(elementId, condition);
        }
    }
}
