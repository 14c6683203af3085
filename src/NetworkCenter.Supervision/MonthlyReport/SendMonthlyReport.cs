using System.Text.Json;
using Dapper;
using NetworkCenter.Supervision.Mail.Outbox;
using NetworkCenter.Supervision.Procedures;
using NetworkCenter.Workflows.Runtime;
using Npgsql;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// <c>monthly-report-send</c>: the approved revision (<c>reportId</c>) goes to the network center's members with the
/// members' PDF in each one's language, and to <c>congressRecipients</c> (set by the definition) with the aggregated,
/// anonymised congress PDF. Once per recipient per instance.
/// </summary>
/// <remarks>
/// "The network center's members" (DOMAIN.md, procedure 8) are taken to be the center's active staff and the contacts
/// of the active liaison offices and reporting points — the network's standing members, who pass the report on. The
/// individual liaisons are not mailed it: each sees their own figures in the portal, and the ranking is theirs to
/// hear from their office.
/// </remarks>
internal sealed class SendMonthlyReport(ProcedureWork work) : IServiceTaskHandler
{
    public string Topic => "monthly-report-send";

    private sealed record Member(string Email, string Name, string Language);

    private sealed record StoredReport(DateOnly Month, string Figures, byte[] MembersZh, byte[] MembersEn, byte[] CongressZh);

    public async Task<ServiceTaskResult> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var reportId = long.Parse(context.Required("reportId"), System.Globalization.CultureInfo.InvariantCulture);
        var congress = context.Required("congressRecipients").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sent = await work.RunAsync(async (connection, transaction, mails) =>
        {
            var report = await connection.QuerySingleAsync<StoredReport>("""
                select month as Month, figures::text as Figures, members_zh as MembersZh, members_en as MembersEn, congress_zh as CongressZh
                from supervision.monthly_reports where id = @reportId
                """, new { reportId }, transaction);
            var figures = JsonSerializer.Deserialize<ReportFigures>(report.Figures)!;
            var month = figures.Month;
            foreach (var member in await MembersAsync(connection, transaction))
            {
                var data = Summary(figures, member.Language);
                data["recipientName"] = member.Name;
                mails.Add(new OutgoingMail(context.Key(member.Email.ToLowerInvariant()), member.Email, member.Name, member.Language, "monthly-report", data,
                    [new MailAttachment($"monthly-report-{month}.pdf", "application/pdf", member.Language == "en" ? report.MembersEn : report.MembersZh)]));
            }
            foreach (var address in congress)
            {
                // Figures only: no recipient name, no commentary, no liaison; the PDF is the congress version.
                mails.Add(new OutgoingMail(context.Key($"congress:{address.ToLowerInvariant()}"), address, null, "zh-CN", "monthly-report-congress",
                    Summary(figures, "zh-CN"), [new MailAttachment($"monthly-figures-{month}.pdf", "application/pdf", report.CongressZh)]));
            }
            return mails.Count;
        }, cancellationToken);
        return new ServiceTaskResult(new Dictionary<string, object?> { ["reportsSent"] = sent, ["reportSentAt"] = work.Now });
    }

    private Dictionary<string, object?> Summary(ReportFigures figures, string language) => new()
    {
        ["month"] = new ReportLabels(language).Month(figures.Month),
        ["received"] = figures.Received,
        ["adopted"] = figures.Adopted,
        ["adoptionRate"] = figures.AdoptionPercent,
        ["amountRecovered"] = figures.AmountRecovered,
        ["lossAvoided"] = figures.LossAvoided,
        ["centerName"] = ProcedureVariables.CenterName(language),
        ["date"] = ProcedureVariables.Local(work.Now),
    };

    private static async Task<IEnumerable<Member>> MembersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        await connection.QueryAsync<Member>("""
            select distinct on (lower(email)) email as Email, name as Name, language as Language
            from (
                select s.email, s.name, a.language, 0 as rank
                from supervision.staff s join supervision.accounts a on a.id = s.account_id
                where s.active and a.active and coalesce(s.email, '') <> ''
                union all
                select o.email, coalesce(nullif(o.contact_person, ''), o.name), 'zh-CN', 1
                from supervision.offices o
                where o.active and coalesce(o.email, '') <> ''
            ) m
            order by lower(email), rank
            """, transaction: transaction);
}
