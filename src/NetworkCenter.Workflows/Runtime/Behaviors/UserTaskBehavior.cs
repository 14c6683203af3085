using NetworkCenter.Workflows.Model;

namespace NetworkCenter.Workflows.Runtime.Behaviors;

/// <summary>A human task: a task row with Camunda's assignment attributes evaluated now; the token waits for completion.</summary>
internal sealed class UserTaskBehavior : IElementBehavior
{
    public async Task ExecuteAsync(ProcessRun run, Execution execution, FlowNode node)
    {
        var task = (UserTask)node;
        var scope = run.Scope(execution);
        var expressions = run.Services.Expressions;
        await run.Waits.CreateTaskAsync(execution, new Waits.NewTask(
            task.Id,
            task.Name,
            expressions.EvaluateString(task.Assignee, scope) is { Length: > 0 } assignee ? assignee : null,
            UserTask.SplitList(expressions.EvaluateString(task.CandidateUsers, scope)),
            UserTask.SplitList(expressions.EvaluateString(task.CandidateGroups, scope)),
            await Deadlines.FromAsync(run, execution, task, task.DueDate),
            await Deadlines.FromAsync(run, execution, task, task.FollowUpDate),
            Deadlines.Priority(run, execution, task.Priority),
            task.FormKey));
    }
}
