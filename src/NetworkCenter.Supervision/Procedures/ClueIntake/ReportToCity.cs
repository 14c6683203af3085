using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures.ClueIntake;

/// <summary>
/// <c>clue-report-to-city</c>: a job-crime clue about judicial staff is reported up to the city procuratorate at
/// <c>cityProcuratorateEmail</c>, which the definition sets. Internal mail between procuratorates, so it carries the
/// facts; the reporter's identity stays out of it.
/// </summary>
internal sealed class ReportToCity(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "clue-report-to-city";

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var clueId = context.ClueId();
        var address = context.Required("cityProcuratorateEmail");
        var language = context.GetString("cityProcuratorateLanguage") ?? "zh-CN";
        await work.RunAsync(async (connection, transaction, mails) =>
        {
            var clue = await ProcedureQueries.ClueAsync(connection, transaction, clueId);
            mails.Add(new OutgoingMail(context.Key(), address, null, language, "job-crime-report", new Dictionary<string, object?>
            {
                ["registerNumber"] = clue.RegisterNumber,
                ["court"] = clue.Court,
                ["caseNumber"] = clue.CaseNumber,
                ["judge"] = clue.Judge,
                ["summary"] = clue.Summary,
                ["triageNote"] = context.GetString("triageNote"),
                ["centerName"] = ProcedureVariables.CenterName(language),
                ["date"] = ProcedureVariables.Local(work.Now),
            }));
            return 0;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["reportedToCity"] = true });
    }
}
