using System.Xml.Linq;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>Reads the flow elements of a process or sub-process into the context.</summary>
internal sealed class ScopeReader(ProcessReadContext context)
{
    // Present in files from every modeller and without run-time meaning for this engine.
    private static readonly HashSet<string> Harmless =
    [
        "documentation", "extensionElements", "laneSet", "lane", "dataObject", "dataObjectReference", "dataStoreReference",
        "textAnnotation", "association", "group", "ioSpecification", "property", "auditing", "monitoring", "category",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing",
        // A sub-process's own loop characteristics are read with the sub-process.
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    ];

    private readonly EventReader _events = new(context);
    private readonly ActivityReader _activities = new(context);

    /// <summary>Reads the children of <paramref name="scope"/>; returns the ids of the flow nodes read, in document order.</summary>
    public List<string> Read(XElement scope, string? parentId)
    {
        var childIds = new List<string>();
        foreach (var child in scope.Elements())
        {
            if (child.Name.Namespace != BpmnXml.Bpmn || Harmless.Contains(child.Name.LocalName))
            {
                continue;
            }

            if (child.IsBpmn("sequenceFlow"))
            {
                ReadFlow(child, parentId);
                continue;
            }

            var node = ReadNode(child, parentId);
            if (node is not null)
            {
                context.Add(node);
                childIds.Add(node.Id);
            }
        }

        return childIds;
    }

    private FlowNode? ReadNode(XElement element, string? parentId)
    {
        var kind = element.Name.LocalName;
        var id = context.RequireId(element);
        if (id is null)
        {
            return null;
        }

        FlowNode? node = kind switch
        {
            "startEvent" or "endEvent" or "intermediateCatchEvent" or "boundaryEvent" => _events.Read(element, id),
            "userTask" or "serviceTask" or "sendTask" or "scriptTask" or "task" or "manualTask" or "callActivity"
                => _activities.Read(element, id),
            "subProcess" => ReadSubProcess(element, id),
            "exclusiveGateway" => new ExclusiveGateway { Id = id, DefaultFlowId = element.RefAttr("default") },
            "inclusiveGateway" => new InclusiveGateway { Id = id, DefaultFlowId = element.RefAttr("default") },
            "parallelGateway" => new ParallelGateway { Id = id },
            "eventBasedGateway" => ReadEventBasedGateway(element, id),
            _ => Unsupported(element, id),
        };
        if (node is null)
        {
            return null;
        }

        if (node is Gateway)
        {
            context.RejectUnsupportedCamundaExtensions(element, id);
        }

        return node with { Name = element.Attr("name"), ParentId = parentId, Properties = ProcessReadContext.Properties(element) };
    }

    private FlowNode? ReadEventBasedGateway(XElement element, string id)
    {
        if (element.BoolAttr("instantiate", false))
        {
            context.Problem(id, BpmnMessages.Unsupported("an instantiating eventBasedGateway is not supported", "不支持用于启动流程的事件网关（instantiate）"));
        }

        return new EventBasedGateway { Id = id };
    }

    private FlowNode? ReadSubProcess(XElement element, string id)
    {
        if (element.BoolAttr("triggeredByEvent", false))
        {
            context.Refuse(id, BpmnMessages.Unsupported("event sub-processes (triggeredByEvent) are not supported", "不支持事件子流程（triggeredByEvent）"));
            return null;
        }

        var childIds = Read(element, id);
        var startEventIds = childIds.Where(c => context.NodeById(c) is StartEvent).ToList();
        var subProcess = _activities.ReadCommon(element, id, new SubProcess { Id = id, ChildIds = childIds, StartEventIds = startEventIds });
        return subProcess;
    }

    private FlowNode? Unsupported(XElement element, string id)
    {
        var kind = element.Name.LocalName;
        var reason = kind switch
        {
            "receiveTask" => BpmnMessages.Unsupported("receiveTask is not supported; use an intermediate message catch event",
                "不支持 receiveTask；请使用消息中间捕获事件"),
            "businessRuleTask" => BpmnMessages.Unsupported("businessRuleTask is not supported (there is no DMN engine)",
                "不支持 businessRuleTask（没有 DMN 引擎）"),
            "intermediateThrowEvent" => BpmnMessages.Unsupported("intermediateThrowEvent is not supported; use a send task",
                "不支持 intermediateThrowEvent；请使用发送任务"),
            "transaction" => BpmnMessages.Unsupported("transaction sub-processes are not supported", "不支持事务子流程（transaction）"),
            _ => BpmnMessages.Unsupported($"{kind} is not supported", $"不支持 {kind}"),
        };
        context.Refuse(id, reason);
        return null;
    }

    private void ReadFlow(XElement element, string? parentId)
    {
        var id = context.RequireId(element);
        var source = element.RefAttr("sourceRef");
        var target = element.RefAttr("targetRef");
        if (id is null)
        {
            return;
        }

        if (source is null || target is null)
        {
            context.Problem(id, BpmnMessages.FlowRefs());
            return;
        }

        context.Flows.Add(new SequenceFlow
        {
            Id = id,
            Name = element.Attr("name"),
            SourceId = source,
            TargetId = target,
            Condition = ReadCondition(element.BpmnChild("conditionExpression"), id, context),
            ParentId = parentId,
        });
    }

    /// <summary>A <c>conditionExpression</c> or <c>completionCondition</c>; external script resources are refused.</summary>
    public static ConditionExpression? ReadCondition(XElement? element, string ownerId, ProcessReadContext context)
    {
        if (element is null)
        {
            return null;
        }

        if (element.CamundaAttr("resource") is not null)
        {
            context.Problem(ownerId, BpmnMessages.Unsupported("external script resources (camunda:resource) are not supported", "不支持外部脚本资源（camunda:resource）"));
        }

        var text = element.Text();
        return text is null ? null : new ConditionExpression(text, element.Attr("language"));
    }
}
