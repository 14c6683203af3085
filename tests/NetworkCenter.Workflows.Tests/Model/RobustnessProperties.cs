using FsCheck;
using FsCheck.Xunit;
using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Tests.Model;

/// <summary>Whatever arrives, deploy answers with problems, never an exception.</summary>
public sealed class RobustnessProperties
{
    private static readonly string[] Fixtures =
        ["Parsing/user-task.bpmn", "Parsing/events.bpmn", "Parsing/scopes.bpmn", "Parsing/gateways.bpmn", "Validation/valid-iso-values.bpmn"];

    private static readonly JintExpressionEvaluator Evaluator = new();

    [Property(MaxTest = 300)]
    public bool Load_NeverThrows_OnACutAndSplicedFile(NonNegativeInt which, NonNegativeInt cutAt, NonNegativeInt cutLength, NonNegativeInt pasteAt)
    {
        var xml = BpmnFixture.Read(Fixtures[which.Get % Fixtures.Length]);
        var start = cutAt.Get % xml.Length;
        var length = Math.Min(cutLength.Get % 200, xml.Length - start);
        var piece = xml.Substring(start, length);
        var rest = xml.Remove(start, length);
        var mangled = rest.Insert(pasteAt.Get % (rest.Length + 1), piece);

        var definitions = BpmnFixture.LoadXml(mangled);

        return definitions.Problems.All(p => !string.IsNullOrWhiteSpace(p.Message));
    }

    [Property(MaxTest = 500)]
    public bool CheckExpression_NeverThrows(string text) =>
        text is null || Evaluator.CheckExpression(text) is null or { Length: > 0 };

    [Property(MaxTest = 500)]
    public bool CheckScript_NeverThrows(string script) =>
        script is null || Evaluator.CheckScript(script) is null or { Length: > 0 };

    [Property(MaxTest = 300)]
    public bool Evaluate_FailsOnlyWithExpressionException(string body)
    {
        try
        {
            Evaluator.Evaluate("${" + body + "}", new Dictionary<string, object?> { ["a"] = 1 });
            return true;
        }
        catch (ExpressionException)
        {
            return true;
        }
    }

    [Property]
    public bool Duration_RoundTripsThroughItsText(byte years, byte months, byte weeks, byte days, byte hours, byte minutes, ushort millis)
    {
        var duration = new IsoDuration(years, months, weeks, days, hours, minutes, millis / 1000m);

        return IsoDuration.TryParse(duration.ToString(), out var parsed) && (parsed == duration || (duration.IsZero && parsed.IsZero));
    }
}
