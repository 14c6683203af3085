using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Localization;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Model.Validation;

/// <summary>Checks of attribute values: ISO 8601 dates, durations and cycles, calendars, expressions and conditions.</summary>
internal sealed class ValueRules(IExpressionEvaluator expressions, List<DefinitionProblem> problems)
{
    private void Problem(string elementId, ServerMessage message) => problems.Add(new DefinitionProblem(elementId, message));

    // Messages that carry the expression engine's own reason: English only, under the general code.
    private void Problem(string elementId, string message) => problems.Add(new DefinitionProblem(elementId, message));

    // A legal period counts whole days (DOMAIN.md), so a time of day in the period would be silently dropped.
    public void CheckCalendar(FlowNode node)
    {
        if (!node.Properties.TryGetValue("calendar", out var calendar))
        {
            return;
        }

        if (!node.UsesLegalCalendar)
        {
            Problem(node.Id, BpmnMessages.UnknownCalendar(calendar));
            return;
        }

        var periods = node switch
        {
            EventNode { Timer: { Kind: TimerKind.Duration } timer } => [timer.Value],
            EventNode { Timer: { Kind: TimerKind.Cycle } timer } when IsoRepeatingInterval.TryParse(timer.Value, out var cycle) => [cycle.Period.ToString()],
            UserTask task => new[] { task.DueDate, task.FollowUpDate }.OfType<string>().ToArray(),
            _ => Array.Empty<string>(),
        };
        foreach (var period in periods.Where(p => IsoDuration.TryParse(p, out var d) && !d.IsDateOnly))
        {
            Problem(node.Id, BpmnMessages.LegalCalendarTime(period));
        }
    }

    public void CheckTimer(string elementId, TimerEventDefinition timer)
    {
        if (timer.IsExpression)
        {
            CheckExpression(elementId, $"the timer's {TimerAttribute(timer.Kind)}", timer.Value);
        }
        else if (!TimerSchedule.IsValid(timer.Kind, timer.Value))
        {
            Problem(elementId, BpmnMessages.TimerValue(TimerAttribute(timer.Kind), timer.Value, timer.Kind));
        }
    }

    public void CheckTaskDate(string elementId, string attribute, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (IsExpression(value))
        {
            CheckExpression(elementId, attribute, value);
        }
        else if (!IsoDuration.TryParse(value, out _) && !IsoDateTime.TryParse(value, out _))
        {
            Problem(elementId, BpmnMessages.TaskDate(attribute, value));
        }
    }

    public void CheckCondition(string elementId, ConditionExpression condition)
    {
        if (condition.IsScript)
        {
            if (!JintExpressionEvaluator.IsJavaScript(condition.Language))
            {
                Problem(elementId, BpmnMessages.ConditionLanguage(condition.Language));
            }
            else if (expressions.CheckScript(condition.Text) is { } error)
            {
                Problem(elementId, $"the condition script {error}");
            }
        }
        else if (!IsExpression(condition.Text))
        {
            Problem(elementId, BpmnMessages.ConditionNotExpression(condition.Text));
        }
        else
        {
            CheckExpression(elementId, "the condition", condition.Text);
        }
    }

    public void CheckExpressionIfAny(string elementId, string what, string? value)
    {
        if (value is not null && IsExpression(value))
        {
            CheckExpression(elementId, what, value);
        }
    }

    public void CheckExpression(string elementId, string what, string value)
    {
        if (expressions.CheckExpression(value) is { } error)
        {
            Problem(elementId, $"{what}: the expression {value} {error}");
        }
    }

    private static string TimerAttribute(TimerKind kind) => kind switch
    {
        TimerKind.Date => "timeDate",
        TimerKind.Duration => "timeDuration",
        _ => "timeCycle",
    };

    public static bool IsExpression(string value) => JuelTranslator.ContainsExpression(value);
}
