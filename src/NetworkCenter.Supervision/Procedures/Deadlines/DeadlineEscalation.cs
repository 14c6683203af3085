using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Deadlines;

/// <summary>
/// <c>deadline-escalation</c>: a task's period has run out; every active holder of the role in <c>escalateToRole</c>
/// (set by the definition: the department head's superior) is told, with who holds the task.
/// </summary>
internal sealed class DeadlineEscalation(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "deadline-escalation";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var role = context.Required("escalateToRole");
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            if (await OpenTask.FindAsync(connection, transaction, context) is not { } task)
            {
                return 0;
            }
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            foreach (var person in (await ProcedureQueries.StaffInRoleAsync(connection, transaction, role)).Where(p => !string.IsNullOrWhiteSpace(p.Email)))
            {
                mails.Add(new OutgoingMail(context.Key($"{task.DueAt?.Ticks}:staff-{person.StaffId}"), person.Email!, person.Name, person.Language, "deadline-escalation",
                    DeadlineMail.Data(clue, task, person.Name, person.Language, work.Now)));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { [$"{context.ElementId}Sent"] = sent });
    }
}
