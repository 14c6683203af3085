using Dapper;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.WeeklyCollection;

/// <summary>
/// <c>weekly-collection-requests</c>: each active liaison office and reporting point with an email address is asked to
/// send what it has gathered this week; once per office per run.
/// </summary>
internal sealed class CollectionRequests(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "weekly-collection-requests";

    private sealed record Office(long Id, string Kind, string Name, string? ContactPerson, string Email);

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var offices = await connection.QueryAsync<Office>("""
                select id as Id, kind as Kind, name as Name, contact_person as ContactPerson, email as Email
                from supervision.offices where active and email is not null and email <> '' order by id
                """, transaction: transaction);
            foreach (var office in offices)
            {
                mails.Add(new OutgoingMail(context.Key($"office-{office.Id}"), office.Email, office.ContactPerson ?? office.Name, "zh-CN",
                    "collection-request", new Dictionary<string, object?>
                    {
                        ["recipientName"] = office.ContactPerson ?? office.Name,
                        ["officeName"] = office.Name,
                        ["officeKind"] = office.Kind,
                        ["centerName"] = ProcedureVariables.CenterName("zh-CN"),
                        ["date"] = ProcedureVariables.Local(work.Now),
                    }));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["collectionRequestsSent"] = sent });
    }
}
