using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>
/// The multi-instance body: the execution on the activity becomes the body, holding <c>nrOfInstances</c>,
/// <c>nrOfCompletedInstances</c> and <c>nrOfActiveInstances</c>; each inner instance gets <c>loopCounter</c> and the
/// element variable. Parallel starts them all, sequential one after another; the completion condition can end early.
/// </summary>
internal static class MultiInstanceBehavior
{
    public static Task EnterAsync(ProcessRun run, Execution body, Activity activity)
    {
        var loop = activity.MultiInstance!;
        body.Kind = ExecutionKind.MultiInstance;
        var count = Items(run, body, loop) is { } items ? items.Count : Cardinality(run, body, loop);
        body.Variables["nrOfInstances"] = count;
        body.Variables["nrOfCompletedInstances"] = 0;
        body.Variables["nrOfActiveInstances"] = loop.IsSequential ? Math.Min(count, 1) : count;
        if (count == 0)
        {
            run.Leave(body);
            return Task.CompletedTask;
        }
        for (var i = 0; i < (loop.IsSequential ? 1 : count); i++)
        {
            StartInner(run, body, activity, i);
        }
        return Task.CompletedTask;
    }

    public static Task InnerCompletedAsync(ProcessRun run, Execution inner)
    {
        var body = run.Instance.Find(inner.ParentId!.Value)!;
        var activity = (Activity)run.Model.Elements[body.ElementId!];
        var loop = activity.MultiInstance!;
        var completed = Number(body, "nrOfCompletedInstances") + 1;
        var total = Number(body, "nrOfInstances");
        body.Variables["nrOfCompletedInstances"] = completed;
        body.Variables["nrOfActiveInstances"] = Number(body, "nrOfActiveInstances") - 1;
        var done = completed >= total
            || (loop.CompletionCondition is { } condition && run.Services.Expressions.IsTrue(condition, run.Scope(inner)));
        var next = (inner.LoopCounter ?? 0) + 1;
        run.RemoveTree(inner);
        if (done)
        {
            run.Leave(body);
        }
        else if (loop.IsSequential)
        {
            body.Variables["nrOfActiveInstances"] = 1;
            StartInner(run, body, activity, next);
        }
        return Task.CompletedTask;
    }

    private static void StartInner(ProcessRun run, Execution body, Activity activity, int index)
    {
        var inner = run.NewExecution(body.Id, activity.Id, ExecutionKind.Inner);
        inner.LoopCounter = index;
        inner.Variables["loopCounter"] = index;
        if (activity.MultiInstance!.ElementVariable is { } name && Items(run, body, activity.MultiInstance) is { } items && index < items.Count)
        {
            inner.Variables[name] = items[index]?.DeepClone();
        }
        run.ExecuteLater(inner, activity);
    }

    private static JsonArray? Items(ProcessRun run, Execution body, MultiInstanceCharacteristics loop)
    {
        if (loop.Collection is null)
        {
            return null;
        }
        var text = loop.Collection.Trim();
        var value = text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)
            ? run.Services.Expressions.Evaluate(text, run.Scope(body))
            : run.Scope(body).Get(text);
        return value as JsonArray ?? throw new IncidentException($"The multi-instance collection '{loop.Collection}' is not a list.");
    }

    private static int Cardinality(ProcessRun run, Execution body, MultiInstanceCharacteristics loop)
    {
        var text = run.Services.Expressions.EvaluateString(loop.LoopCardinality, run.Scope(body));
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? (int)n
            : throw new IncidentException($"The loop cardinality '{loop.LoopCardinality}' is not a number.");
    }

    private static int Number(Execution body, string name) =>
        body.Variables[name] is JsonValue v && int.TryParse(v.ToJsonString(), CultureInfo.InvariantCulture, out var i) ? i : 0;
}
