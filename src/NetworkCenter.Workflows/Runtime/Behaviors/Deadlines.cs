using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;
using NetworkCenter.Workflows.Time;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>
/// Turns a due date, follow-up date or timer definition into an instant: an ISO 8601 date-time as it is, a duration
/// counted from now (on the legal calendar when the element says <c>calendar=legal</c>), a cycle's first occurrence.
/// </summary>
internal static class Deadlines
{
    /// <summary>When a timer first falls due; <see cref="Cycle"/> is the evaluated cycle text for repeating timers.</summary>
    public sealed record TimerDue(DateTimeOffset Due, string? Cycle);

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
            return date.ToUniversalTime();
        }
        var text = value is JsonValue s && s.TryGetValue<string>(out var str) ? str : value.ToString();
        if (IsoDuration.TryParse(text, out _))
        {
            return await AddAsync(run, node, run.Context.Now, text);
        }
        return IsoDateTime.TryParse(text, out var at) ? at.ToUniversalTime()
            : throw new IncidentException($"'{text}' on '{node.Id}' is neither an ISO 8601 duration nor a date-time.");
    }

    /// <summary>The first firing of the event's timer; null for a cycle that has none left.</summary>
    public static async Task<TimerDue?> TimerAsync(ProcessRun run, Execution execution, EventNode node)
    {
        var timer = node.Timer ?? throw new IncidentException($"'{node.Id}' has no timer definition.");
        var value = timer.IsExpression ? run.Services.Expressions.EvaluateString(timer.Value, run.Scope(execution)) ?? "" : timer.Value;
        return await FirstAsync(run, node, timer.Kind, value, run.Context.Now);
    }

    public static async Task<TimerDue?> FirstAsync(ProcessRun? run, FlowNode node, TimerKind kind, string value, DateTimeOffset now)
    {
        try
        {
            if (kind == TimerKind.Duration)
            {
                return new TimerDue(await AddAsync(run, node, now, value), null);
            }
            return TimerSchedule.FirstDue(kind, value, now) is { } due ? new TimerDue(due.ToUniversalTime(), kind == TimerKind.Cycle ? value : null) : null;
        }
        catch (FormatException e)
        {
            throw new IncidentException(e.Message, e);
        }
    }

    /// <summary>The next firing of a cycle after the one due at <paramref name="last"/>; null when the cycle is over.</summary>
    public static DateTimeOffset? Next(string cycle, DateTimeOffset created, DateTimeOffset last) =>
        TimerSchedule.NextDue(TimerKind.Cycle, cycle, created, last)?.ToUniversalTime();

    private static async Task<DateTimeOffset> AddAsync(ProcessRun? run, FlowNode node, DateTimeOffset from, string duration)
    {
        if (node.UsesLegalCalendar && run is not null)
        {
            return (await run.Services.Calendar.DueAsync(from, duration, CancellationToken.None)).ToUniversalTime();
        }
        return IsoDuration.TryParse(duration, out var parsed) ? parsed.AddTo(from).ToUniversalTime()
            : throw new IncidentException($"'{duration}' on '{node.Id}' is not an ISO 8601 duration.");
    }

    public static int Priority(ProcessRun run, Execution execution, string? raw) =>
        run.Services.Expressions.EvaluateString(raw, run.Scope(execution)) is { } text
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority : 50;
}
