using System.Xml.Linq;
using NetworkCenter.Workflows.Model.Validation;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>Reads start, end, intermediate catch and boundary events and checks each carries a trigger it may have.</summary>
internal sealed class EventReader(ProcessReadContext context)
{
    public FlowNode? Read(XElement element, string id)
    {
        var kind = element.Name.LocalName;
        context.RejectUnsupportedCamundaExtensions(element, id);
        var definitions = element.Elements()
            .Where(e => e.Name.Namespace == BpmnXml.Bpmn
                && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        if (definitions.Count > 1)
        {
            context.Refuse(id, BpmnMessages.Unsupported($"a {kind} with several event definitions (a multiple event) is not supported",
                $"不支持带多个事件定义的 {kind}（多重事件）"));
            return null;
        }

        var trigger = definitions.Count == 0 ? null : ReadDefinition(definitions[0], id);
        var allowed = kind switch
        {
            "startEvent" => new[] { "none", "timer", "message" },
            "endEvent" => ["none", "terminate", "message"],
            "intermediateCatchEvent" => ["timer", "message"],
            _ => ["timer", "message", "error"],
        };
        var triggerName = definitions.Count == 0 ? "none" : TriggerName(definitions[0]);
        if (!allowed.Contains(triggerName))
        {
            var what = triggerName == "none" ? $"a {kind} without an event definition" : $"{Article(triggerName)} {triggerName} {kind}";
            context.Refuse(id, BpmnMessages.Unsupported($"{what} is not supported (supported: {string.Join(", ", allowed)})",
                $"不支持 {what}（支持：{string.Join("、", allowed)}）"));
            return null;
        }

        return kind switch
        {
            "startEvent" => new StartEvent
            {
                Id = id,
                Definition = trigger,
                FormKey = element.CamundaAttr("formKey"),
                Initiator = element.CamundaAttr("initiator"),
            },
            "endEvent" => new EndEvent { Id = id, Definition = trigger, Topic = ReadMessageEndTopic(element, definitions, id) },
            "intermediateCatchEvent" => new IntermediateCatchEvent { Id = id, Definition = trigger },
            _ => ReadBoundary(element, id, trigger),
        };
    }

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string TriggerName(XElement definition) =>
        definition.Name.LocalName == "eventDefinitionRef" ? "referenced" : definition.Name.LocalName[..^"EventDefinition".Length];

    private EventDefinition? ReadDefinition(XElement definition, string id)
    {
        switch (definition.Name.LocalName)
        {
            case "timerEventDefinition":
                return ReadTimer(definition, id);
            case "messageEventDefinition":
                var messageRef = definition.RefAttr("messageRef");
                if (messageRef is not null && !context.Messages.ContainsKey(messageRef))
                {
                    context.Problem(id, BpmnMessages.UnknownMessage(messageRef));
                }

                return new MessageEventDefinition(messageRef, messageRef is null ? null : context.Messages.GetValueOrDefault(messageRef)?.Name);
            case "errorEventDefinition":
                var errorRef = definition.RefAttr("errorRef");
                if (errorRef is not null && !context.Errors.ContainsKey(errorRef))
                {
                    context.Problem(id, BpmnMessages.UnknownError(errorRef));
                }

                return new ErrorEventDefinition(errorRef, errorRef is null ? null : context.Errors.GetValueOrDefault(errorRef)?.ErrorCode);
            case "terminateEventDefinition":
                return new TerminateEventDefinition();
            default:
                return null;
        }
    }

    private TimerEventDefinition? ReadTimer(XElement definition, string id)
    {
        var parts = new (TimerKind Kind, XElement? Element)[]
        {
            (TimerKind.Date, definition.BpmnChild("timeDate")),
            (TimerKind.Duration, definition.BpmnChild("timeDuration")),
            (TimerKind.Cycle, definition.BpmnChild("timeCycle")),
        }.Where(p => p.Element is not null).ToList();
        if (parts.Count != 1)
        {
            context.Problem(id, BpmnMessages.TimerParts());
            return null;
        }

        var value = parts[0].Element.Text();
        if (value is null)
        {
            context.Problem(id, BpmnMessages.TimerEmpty(parts[0].Element!.Name.LocalName));
            return null;
        }

        return new TimerEventDefinition(parts[0].Kind, value);
    }

    // Camunda 7 puts a message end event's implementation on the messageEventDefinition; some tools put it on the event.
    private string? ReadMessageEndTopic(XElement element, List<XElement> definitions, string id)
    {
        var message = definitions.FirstOrDefault(d => d.IsBpmn("messageEventDefinition"));
        if (message is null)
        {
            return null;
        }

        ActivityReader.RejectJavaDelegates(message, id, context);
        ActivityReader.RejectJavaDelegates(element, id, context);
        return message.CamundaAttr("topic") ?? element.CamundaAttr("topic");
    }

    private BoundaryEvent? ReadBoundary(XElement element, string id, EventDefinition? trigger)
    {
        var attachedTo = element.RefAttr("attachedToRef");
        if (attachedTo is null)
        {
            context.Refuse(id, BpmnMessages.BoundaryAttachedTo());
            return null;
        }

        var cancel = element.BoolAttr("cancelActivity", true);
        if (trigger is ErrorEventDefinition && !cancel)
        {
            context.Problem(id, BpmnMessages.ErrorBoundaryInterrupts());
        }

        return new BoundaryEvent { Id = id, Definition = trigger, AttachedToId = attachedTo, CancelActivity = cancel };
    }
}
