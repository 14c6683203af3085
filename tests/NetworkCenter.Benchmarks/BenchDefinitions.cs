using System.Globalization;

namespace NetworkCenter.Benchmarks;

/// <summary>The BPMN the benchmarks deploy, generated so a run can place its timer at a chosen instant.</summary>
internal static class BenchDefinitions
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://networkcenter/bench">
        """;

    /// <summary>A user task that leads back to itself, guarded by an interrupting one-day timer: each completion creates the next task and timer.</summary>
    public static string TaskLoop => Header + """
          <bpmn:process id="bench-task-loop" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:userTask id="work" name="Review" camunda:candidateGroups="handling-procurator" camunda:dueDate="P3D" />
            <bpmn:boundaryEvent id="late" attachedToRef="work" cancelActivity="true">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="again" />
            <bpmn:exclusiveGateway id="again" default="loop" />
            <bpmn:sequenceFlow id="loop" sourceRef="again" targetRef="work" />
            <bpmn:sequenceFlow id="finish" sourceRef="again" targetRef="done">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${finished == true}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="done" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="timedOut" />
            <bpmn:endEvent id="timedOut" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Start, wait for one instant, end: a burst of instances of this fires all timers together.</summary>
    public static string TimerAt(string key, DateTimeOffset at) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition><bpmn:timeDate>{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
