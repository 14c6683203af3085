using System.Globalization;
using System.Text;

namespace NetworkCenter.Web.BrowserTests;

/// <summary>BPMN files written by the tests, with diagram information so the designer can draw them.</summary>
internal static class Diagrams
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://networkcenter.local/bpmn">
        """;

    /// <summary>start → one user task (Task_Review, due in 7 days) → end.</summary>
    public static string ReviewProcess(string key) => Chain(key, "审查线索", [("userTask", "Task_Review", "审查线索", """ camunda:candidateGroups="handling-procurator" camunda:dueDate="P7D" """)]);

    /// <summary>start → one user task with the review-decision form (Task_Decide) → end.</summary>
    public static string DecisionProcess(string key) => Chain(key, "立案决定", [("userTask", "Task_Decide", "作出立案决定", """ camunda:candidateGroups="handling-procurator" camunda:dueDate="P3D" camunda:formKey="review-decision" """)]);

    /// <summary>As <see cref="DecisionProcess"/>, with the process and task names given as plain text (escaped here).</summary>
    public static string NamedDecisionProcess(string key, string processName, string taskName) =>
        Chain(key, System.Security.SecurityElement.Escape(processName), [("userTask", "Task_Decide", System.Security.SecurityElement.Escape(taskName),
            """ camunda:candidateGroups="handling-procurator" camunda:dueDate="P3D" camunda:formKey="review-decision" """)]);

    /// <summary>start → a business rule task (outside the engine's subset) → end.</summary>
    public static string WithUnsupportedElement(string key) => Chain(key, "Unsupported", [("businessRuleTask", "Task_Rules", "Decide by rules", "")]);

    /// <summary>start, <paramref name="tasks"/> user tasks, end and the flows between them: 2 × tasks + 3 elements.</summary>
    public static string LongChain(string key, int tasks) =>
        Chain(key, "Long chain", [.. Enumerable.Range(1, tasks).Select(i => ("userTask", $"Task_{i}", $"任务 {i}", """ camunda:candidateGroups="clue-administrator" """))]);

    private static string Chain(string key, string name, IReadOnlyList<(string Kind, string Id, string Name, string Attributes)> tasks)
    {
        var nodes = new List<(string Kind, string Id, string Name, string Attributes)> { ("startEvent", "StartEvent_1", "", "") };
        nodes.AddRange(tasks);
        nodes.Add(("endEvent", "EndEvent_1", "", ""));
        var process = new StringBuilder();
        var shapes = new StringBuilder();
        for (var i = 0; i < nodes.Count; i++)
        {
            var (kind, id, label, attributes) = nodes[i];
            // incoming/outgoing as modelers write them: bpmnlint reads connections from them.
            var incoming = i > 0 ? $"<bpmn:incoming>Flow_{i}</bpmn:incoming>" : "";
            var outgoing = i < nodes.Count - 1 ? $"<bpmn:outgoing>Flow_{i + 1}</bpmn:outgoing>" : "";
            var shown = label.Length > 0 ? label : kind == "startEvent" ? "开始" : "结束";
            process.Append(CultureInfo.InvariantCulture, $"""    <bpmn:{kind} id="{id}" name="{shown}"{attributes}>{incoming}{outgoing}</bpmn:{kind}>""").AppendLine();
            var (x, y, width, height) = Bounds(i, kind);
            shapes.Append(CultureInfo.InvariantCulture,
                $"""      <bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{x}" y="{y}" width="{width}" height="{height}"/></bpmndi:BPMNShape>""").AppendLine();
            if (i > 0)
            {
                var from = nodes[i - 1];
                var flow = $"Flow_{i}";
                process.Append(CultureInfo.InvariantCulture, $"""    <bpmn:sequenceFlow id="{flow}" sourceRef="{from.Id}" targetRef="{id}"/>""").AppendLine();
                var (fx, fy, fw, fh) = Bounds(i - 1, from.Kind);
                shapes.Append(CultureInfo.InvariantCulture,
                    $"""      <bpmndi:BPMNEdge id="{flow}_di" bpmnElement="{flow}"><di:waypoint x="{fx + fw}" y="{fy + fh / 2}"/><di:waypoint x="{x}" y="{y + height / 2}"/></bpmndi:BPMNEdge>""").AppendLine();
            }
        }
        return $"""
            {Header}
              <bpmn:process id="{key}" name="{name}" isExecutable="true">
            {process}  </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{key}">
            {shapes}    </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }

    // Ten nodes a row, so a long chain stays readable when fitted to the viewport.
    private static (int X, int Y, int Width, int Height) Bounds(int index, string kind)
    {
        var x = 100 + index % 10 * 160;
        var y = 100 + index / 10 * 140;
        return kind.EndsWith("Event", StringComparison.Ordinal) ? (x + 32, y + 22, 36, 36) : (x, y, 100, 80);
    }
}
