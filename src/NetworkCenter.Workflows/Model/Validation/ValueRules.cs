using NetworkCenter.Workflows.Expressions;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Model.Validation;

/// <summary>Checks of attribute values: ISO 8601 dates, durations and cycles, calendars, expressions and conditions.</summary>
internal sealed class ValueRules(IExpressionEvaluator expressions, List<DefinitionProblem> problems)
{
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
            Problem(node.Id, $"calendar \"{calendar}\" is unknown; the only calendar is \"legal\"");
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
            Problem(node.Id, $"calendar=legal counts whole days, weeks, months or years, but \"{period}\" has a time part");
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
            var expected = timer.Kind switch
            {
                TimerKind.Date => "an ISO 8601 date-time such as 2026-03-01T09:00:00+08:00",
                TimerKind.Duration => "an ISO 8601 duration such as P7D or PT2H",
                _ => "an ISO 8601 repeating interval such as R/P7D, R3/P1D or R3/2026-01-01T00:00:00Z/P1D",
            };
            Problem(elementId, $"the timer's {TimerAttribute(timer.Kind)} \"{timer.Value}\" is not {expected}");
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
            Problem(elementId, $"{attribute} \"{value}\" is neither an ISO 8601 duration (P3D), an ISO 8601 date-time nor an expression");
        }
    }

    public void CheckCondition(string elementId, ConditionExpression condition)
    {
        if (condition.IsScript)
        {
            if (!JintExpressionEvaluator.IsJavaScript(condition.Language))
            {
                Problem(elementId, $"condition language \"{condition.Language}\" is not supported; use javascript or ${{...}}");
            }
            else if (expressions.CheckScript(condition.Text) is { } error)
            {
                Problem(elementId, $"the condition script {error}");
            }
        }
        else if (!IsExpression(condition.Text))
        {
            Problem(elementId, $"the condition \"{condition.Text}\" is not an expression; write ${{...}}");
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
