using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>
/// Turns a due date, follow-up date or timer definition into an instant: an ISO 8601 date-time as it is, a duration
/// counted from now (on the legal calendar when the element says <c>calendar=legal</c>), a cycle's first occurrence.
/// </summary>
internal static class Deadlines
{
    public sealed record TimerDue(DateTimeOffset Due, string? Cycle, int? RepeatsLeft);

    public static async Task<DateTimeOffset?> FromAsync(ProcessRun run, Execution execution, FlowNode node, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var value = run.Services.Expressions.Evaluate(raw, run.Scope(execution));
        if (value is null)
        {
            return null;
        }
        if (value is JsonValue v && v.TryGetValue<DateTimeOffset>(out var date))
        {
            return date;
        }
        var text = value is JsonValue s && s.TryGetValue<string>(out var str) ? str : value.ToString();
        return TimerSchedule.IsDuration(text) ? await AddAsync(run, node, run.Context.Now, text) : TimerSchedule.ParseDate(text);
    }

    public static async Task<TimerDue> TimerAsync(ProcessRun run, Execution execution, EventNode node)
    {
        var timer = node.Timer ?? throw new IncidentException($"'{node.Id}' has no timer definition.");
        var value = timer.IsExpression ? run.Services.Expressions.EvaluateString(timer.Value, run.Scope(execution)) ?? "" : timer.Value;
        return await FirstAsync(run, node, timer.Kind, value, run.Context.Now);
    }

    public static async Task<TimerDue> FirstAsync(ProcessRun? run, FlowNode node, TimerKind kind, string value, DateTimeOffset now)
    {
        switch (kind)
        {
            case TimerKind.Date:
                return new TimerDue(TimerSchedule.ParseDate(value), null, null);
            case TimerKind.Duration:
                return new TimerDue(await AddAsync(run, node, now, value), null, null);
            default:
                var cycle = TimerSchedule.ParseCycle(value);
                var first = cycle.Start ?? TimerSchedule.AddDuration(now, cycle.Period);
                return new TimerDue(first, value, cycle.Repeats is { } n ? n - 1 : null);
        }
    }

    public static DateTimeOffset Next(string cycle, DateTimeOffset previous) =>
        TimerSchedule.AddDuration(previous, TimerSchedule.ParseCycle(cycle).Period);

    private static async Task<DateTimeOffset> AddAsync(ProcessRun? run, FlowNode node, DateTimeOffset from, string duration)
    {
        if (node.UsesLegalCalendar && run is not null)
        {
            return await run.Services.Calendar.DueAsync(from, duration, CancellationToken.None);
        }
        return TimerSchedule.AddDuration(from, duration);
    }

    public static int Priority(ProcessRun run, Execution execution, string? raw) =>
        run.Services.Expressions.EvaluateString(raw, run.Scope(execution)) is { } text
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority : 50;
}
