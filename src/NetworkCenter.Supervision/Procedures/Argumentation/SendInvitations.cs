using System.Globalization;
using Dapper;
using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// <c>argumentation-invite</c>: each confirmed participant gets the invitation with the released brief as a PDF made
/// for them (their name on it). Gives <c>participantUsernames</c> for the opinion tasks and <c>reminderAt</c>, the day
/// before the meeting.
/// </summary>
internal sealed class SendInvitations(ProcedureWork work, LetterRenderer letters) : IServiceTaskHandler
{
    public string Topic => "argumentation-invite";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var ids = ParticipantsCheck.Ids(context.Required("participantIds"));
        var meetingAt = DateTimeOffset.Parse(context.Required("meetingAt"), CultureInfo.InvariantCulture);
        var invited = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            var brief = await connection.ExecuteScalarAsync<string>(
                "select released from supervision.argumentation_briefs where instance_id = @InstanceId", new { context.InstanceId }, transaction)
                ?? throw new InvalidOperationException("The brief has not been released.");
            var participants = await Participants.LoadAsync(connection, transaction, ids);
            foreach (var person in participants)
            {
                var data = new Dictionary<string, object?>
                {
                    ["recipientName"] = person.Name,
                    ["registerNumber"] = clue.RegisterNumber,
                    ["brief"] = brief,
                    ["meetingAt"] = ProcedureVariables.Local(meetingAt),
                    ["centerName"] = ProcedureVariables.CenterName(person.Language),
                    ["date"] = ProcedureVariables.Local(work.Now),
                };
                var pdf = await letters.RenderAsync("argumentation-brief", person.Language, data, cancellationToken);
                mails.Add(new OutgoingMail(context.Key($"liaison-{person.Id}"), person.Email, person.Name, person.Language, "argumentation-invitation", data,
                    [new MailAttachment($"brief-{clue.RegisterNumber}.pdf", "application/pdf", pdf)]));
                await connection.ExecuteAsync("""
                    insert into supervision.argumentation_participants (instance_id, liaison_id, meeting_at, invited_at)
                    values (@InstanceId, @Id, @meetingAt, @now) on conflict do nothing
                    """, new { context.InstanceId, person.Id, meetingAt = meetingAt.ToUniversalTime(), now = work.Now }, transaction);
            }
            return participants;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?>
        {
            ["participantUsernames"] = invited.Select(p => p.Username).ToArray(),
            ["reminderAt"] = meetingAt.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        });
    }
}
