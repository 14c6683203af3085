using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Deadlines;

/// <summary>
/// <c>task-reminder</c>: a task is nearly due; its assignee, or every member of its candidate groups while nobody has
/// claimed it, is reminded. Nothing when the task is no longer open.
/// </summary>
internal sealed class TaskReminder(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "task-reminder";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            if (await OpenTask.FindAsync(connection, transaction, context) is not { } task)
            {
                return 0;
            }
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var recipients = new List<StaffMember>();
            if (task.Assignee is { } assignee && await ProcedureQueries.StaffByUsernameAsync(connection, transaction, assignee) is { } staff)
            {
                recipients.Add(staff);
            }
            else
            {
                foreach (var group in task.CandidateGroups)
                {
                    recipients.AddRange(await ProcedureQueries.StaffInRoleAsync(connection, transaction, group));
                }
            }
            foreach (var person in recipients.Where(p => !string.IsNullOrWhiteSpace(p.Email)).DistinctBy(p => p.StaffId))
            {
                mails.Add(new OutgoingMail(context.Key($"{task.DueAt?.Ticks}:staff-{person.StaffId}"), person.Email!, person.Name, person.Language, "task-reminder",
                    DeadlineMail.Data(clue, task, person.Name, person.Language, work.Now)));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { [$"{context.ElementId}Sent"] = sent });
    }
}
