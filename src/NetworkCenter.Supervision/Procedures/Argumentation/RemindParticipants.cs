using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary><c>argumentation-remind</c>: the day before the meeting, every invited participant is reminded.</summary>
internal sealed class RemindParticipants(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "argumentation-remind";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var meetingAt = DateTimeOffset.Parse(context.Required("meetingAt"), CultureInfo.InvariantCulture);
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var ids = (await connection.QueryAsync<long>(
                "select liaison_id from supervision.argumentation_participants where instance_id = @InstanceId", new { context.InstanceId }, transaction)).ToList();
            foreach (var person in await Participants.LoadAsync(connection, transaction, ids))
            {
                mails.Add(new OutgoingMail(context.Key($"liaison-{person.Id}"), person.Email, person.Name, person.Language, "argumentation-reminder",
                    new Dictionary<string, object?>
                    {
                        ["recipientName"] = person.Name,
                        ["registerNumber"] = clue.RegisterNumber,
                        ["meetingAt"] = ProcedureVariables.Local(meetingAt),
                        ["centerName"] = ProcedureVariables.CenterName(person.Language),
                        ["date"] = ProcedureVariables.Local(work.Now),
                    }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["remindersSent"] = sent });
    }
}
