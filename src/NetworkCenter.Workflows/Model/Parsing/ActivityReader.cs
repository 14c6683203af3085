using System.Xml.Linq;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>Reads tasks and call activities with their Camunda 7 attributes, and what every activity shares.</summary>
internal sealed class ActivityReader(ProcessReadContext context)
{
    private static readonly HashSet<string> JavaScriptFormats = new(StringComparer.OrdinalIgnoreCase) { "javascript", "js", "ecmascript" };

    public FlowNode? Read(XElement element, string id)
    {
        Activity? activity = element.Name.LocalName switch
        {
            "userTask" => ReadUserTask(element, id),
            "serviceTask" => ReadExternal(element, id, new ServiceTask { Id = id }),
            "sendTask" => ReadExternal(element, id, new SendTask { Id = id }),
            "scriptTask" => ReadScriptTask(element, id),
            "callActivity" => ReadCallActivity(element, id),
            _ => new PassThroughTask { Id = id, TagName = element.Name.LocalName },
        };
        return activity is null ? null : ReadCommon(element, id, activity);
    }

    /// <summary>The default flow, multi-instance characteristics and refused extensions every activity shares.</summary>
    public Activity ReadCommon(XElement element, string id, Activity activity)
    {
        context.RejectUnsupportedCamundaExtensions(element, id);
        if (element.BpmnChild("standardLoopCharacteristics") is not null)
        {
            context.Problem(id, BpmnMessages.Unsupported("standard loops (standardLoopCharacteristics) are not supported; use multi-instance", "不支持标准循环（standardLoopCharacteristics）；请使用多实例"));
        }

        foreach (var resource in element.Elements().Where(e => e.IsBpmn("potentialOwner") || e.IsBpmn("humanPerformer") || e.IsBpmn("performer")))
        {
            context.Problem(id, BpmnMessages.Unsupported($"{resource.Name.LocalName} is not supported; use camunda:assignee, camunda:candidateUsers or camunda:candidateGroups",
                $"不支持 {resource.Name.LocalName}；请使用 camunda:assignee、camunda:candidateUsers 或 camunda:candidateGroups"));
        }

        var multiInstance = ReadMultiInstance(element.BpmnChild("multiInstanceLoopCharacteristics"), id);
        if (multiInstance is not null && activity is not (UserTask or SubProcess))
        {
            context.Problem(id, BpmnMessages.Unsupported($"multi-instance is supported only on user tasks and sub-processes, not on a {activity.Kind}",
                $"多实例只能用于用户任务和子流程，不能用于 {activity.Kind}"));
        }

        return activity with { DefaultFlowId = element.RefAttr("default"), MultiInstance = multiInstance };
    }

    private MultiInstanceCharacteristics? ReadMultiInstance(XElement? element, string id)
    {
        if (element is null)
        {
            return null;
        }

        if (element.BpmnChild("loopDataInputRef") is not null || element.BpmnChild("inputDataItem") is not null)
        {
            context.Problem(id, BpmnMessages.Unsupported("loopDataInputRef/inputDataItem are not supported; use camunda:collection and camunda:elementVariable",
                "不支持 loopDataInputRef/inputDataItem；请使用 camunda:collection 和 camunda:elementVariable"));
        }

        var characteristics = new MultiInstanceCharacteristics(
            element.BoolAttr("isSequential", false),
            element.CamundaAttr("collection"),
            element.CamundaAttr("elementVariable"),
            element.BpmnChild("loopCardinality").Text(),
            ScopeReader.ReadCondition(element.BpmnChild("completionCondition"), id, context));
        if (characteristics.Collection is null && characteristics.LoopCardinality is null)
        {
            context.Problem(id, BpmnMessages.MultiInstanceInput());
        }

        return characteristics;
    }

    private static UserTask ReadUserTask(XElement element, string id) => new()
    {
        Id = id,
        Assignee = element.CamundaAttr("assignee"),
        CandidateUsers = element.CamundaAttr("candidateUsers"),
        CandidateGroups = element.CamundaAttr("candidateGroups"),
        DueDate = element.CamundaAttr("dueDate"),
        FollowUpDate = element.CamundaAttr("followUpDate"),
        Priority = element.CamundaAttr("priority"),
        FormKey = element.CamundaAttr("formKey"),
    };

    private Activity ReadExternal(XElement element, string id, ExternalWorkActivity activity)
    {
        RejectJavaDelegates(element, id, context);
        var type = element.CamundaAttr("type");
        if (type is not null && !string.Equals(type, "external", StringComparison.Ordinal))
        {
            context.Problem(id, BpmnMessages.Unsupported($"camunda:type=\"{type}\" is not supported; use camunda:type=\"external\" with camunda:topic",
                $"不支持 camunda:type=\"{type}\"；请使用 camunda:type=\"external\" 和 camunda:topic"));
        }

        var retries = element.CamundaExtensions().FirstOrDefault(e => e.IsCamunda("failedJobRetryTimeCycle")).Text();
        return activity with { ImplementationType = type, Topic = element.CamundaAttr("topic"), RetryTimeCycle = retries };
    }

    /// <summary>Java delegates cannot run here; a handler is found by topic instead.</summary>
    public static void RejectJavaDelegates(XElement element, string id, ProcessReadContext context)
    {
        foreach (var attribute in new[] { "class", "delegateExpression", "expression" })
        {
            if (element.CamundaAttr(attribute) is not null)
            {
                context.Problem(id, BpmnMessages.Unsupported($"camunda:{attribute} (a Java delegate) is not supported; use camunda:type=\"external\" with camunda:topic",
                    $"不支持 camunda:{attribute}（Java 委托）；请使用 camunda:type=\"external\" 和 camunda:topic"));
            }
        }
    }

    private ScriptTask ReadScriptTask(XElement element, string id)
    {
        var format = element.Attr("scriptFormat");
        if (format is null || !JavaScriptFormats.Contains(format))
        {
            context.Problem(id, BpmnMessages.Unsupported($"scriptFormat \"{format}\" is not supported; use javascript", $"不支持 scriptFormat \"{format}\"；请使用 javascript"));
        }

        if (element.CamundaAttr("resource") is not null)
        {
            context.Problem(id, BpmnMessages.Unsupported("external script resources (camunda:resource) are not supported; write the script inline",
                "不支持外部脚本资源（camunda:resource）；请直接写入脚本"));
        }

        return new ScriptTask
        {
            Id = id,
            ScriptFormat = format,
            Script = element.BpmnChild("script")?.Value,
            ResultVariable = element.CamundaAttr("resultVariable"),
        };
    }

    private CallActivity ReadCallActivity(XElement element, string id)
    {
        if (element.CamundaAttr("caseRef") is not null)
        {
            context.Problem(id, BpmnMessages.Unsupported("calling a case (camunda:caseRef) is not supported", "不支持调用案例（camunda:caseRef）"));
        }

        var extensions = element.CamundaExtensions().ToList();
        return new CallActivity
        {
            Id = id,
            CalledElement = element.Attr("calledElement"),
            CalledElementBinding = element.CamundaAttr("calledElementBinding"),
            CalledElementVersion = element.CamundaAttr("calledElementVersion"),
            In = extensions.Where(e => e.IsCamunda("in")).Select(e => ReadMapping(e, id)).ToList(),
            Out = extensions.Where(e => e.IsCamunda("out")).Select(e => ReadMapping(e, id)).ToList(),
        };
    }

    private VariableMapping ReadMapping(XElement element, string id)
    {
        var mapping = new VariableMapping(
            element.Attr("source"),
            element.Attr("sourceExpression"),
            element.Attr("target"),
            string.Equals(element.Attr("variables"), "all", StringComparison.Ordinal),
            element.BoolAttr("local", false),
            element.Attr("businessKey"));
        var hasSource = mapping.Source is not null || mapping.SourceExpression is not null;
        if (!mapping.AllVariables && mapping.BusinessKey is null && (!hasSource || mapping.Target is null))
        {
            context.Problem(id, BpmnMessages.VariableMapping(element.Name.LocalName));
        }

        return mapping;
    }
}
