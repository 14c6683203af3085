using System.Globalization;

namespace NetworkCenter.FaultHarness;

/// <summary>
/// What every run does, the same for a given seed: one office with an email address, then instances of a definition
/// that waits on a timer, asks the administrator to approve, waits on a second timer and mails every office through
/// the existing <c>weekly-collection-requests</c> handler (outbox, Hangfire, MailKit): one email per instance.
/// </summary>
internal sealed class Workload(int instances, int seed)
{
    public const string Key = "fault-harness";

    public int Instances => instances;

    public static string BusinessKey(int index) => $"fault-{index:D5}";

    /// <summary>Short real durations, PT3S to PT20S, chosen per instance from the seed.</summary>
    public object Variables(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        return new { firstDelay = Duration(random.Next(3, 21)), secondDelay = Duration(random.Next(3, 21)) };
    }

    private static string Duration(int seconds) => $"PT{seconds.ToString(CultureInfo.InvariantCulture)}S";

    public const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="fault-harness-definitions" targetNamespace="http://networkcenter/faults">
          <bpmn:process id="fault-harness" name="Fault harness" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
            <bpmn:intermediateCatchEvent id="first">
              <bpmn:timerEventDefinition><bpmn:timeDuration>${firstDelay}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="approve" />
            <bpmn:userTask id="approve" name="Approve" camunda:assignee="admin" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="second" />
            <bpmn:intermediateCatchEvent id="second">
              <bpmn:timerEventDefinition><bpmn:timeDuration>${secondDelay}</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="second" targetRef="notify" />
            <bpmn:sendTask id="notify" name="Mail every office" camunda:type="external" camunda:topic="weekly-collection-requests" />
            <bpmn:sequenceFlow id="f5" sourceRef="notify" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Deploys the definition and creates the one office that every instance mails.</summary>
    public static async Task PrepareAsync(HarnessClient client)
    {
        await client.DeployAsync(Definition);
        await client.CreateOfficeAsync("故障演练联络室", "drill-office@faults.example");
    }
}
