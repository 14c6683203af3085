using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.MonthlyReport;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Runtime;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// The clock starts on Monday 2026-03-02 09:00 (+08:00); the report on March is due on April 1st at 08:00, when the
/// definition's cycle starts. Three clues from one liaison are received in March, one of them filed (adopted).
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class MonthlyReportFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static readonly string[] Identities = ["张某", "某县棉纺厂", "李审判", "赵律师", "王联络"];

    [Fact]
    public async Task OnTheFirst_TheReportOnMarchIsBuilt_SentBackOnce_ThenApprovedAndMailedWithItsPdf_AndTheCongressGetsItAnonymised()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var administrator = await driver.StaffAsync(Roles.ClueAdministrator);
        var liaison = await driver.LiaisonAsync();
        var officeEmail = $"office{liaison.OfficeId}@example.cn";
        var clues = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            clues.Add((await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId)).Id);
        }
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                update supervision.offices set email = @officeEmail, contact_person = '刘主任' where id = @OfficeId;
                update supervision.clues set status = 'filed', amount_involved = 120000 where id = @filed;
                insert into supervision.clue_decisions (clue_id, instance_id, decider_role, decided_by, decision, decided_at)
                values (@filed, gen_random_uuid(), 'handling-procurator', 'admin', 'file', '2026-03-10T10:00:00+08:00');
                """, new { officeEmail, liaison.OfficeId, filed = clues[0] });
        }

        await driver.AdvanceAsync("P29DT22H59M"); // 2026-04-01 07:59
        Assert.Null(await ReviewTaskAsync(driver));
        await driver.AdvanceAsync("PT1M");
        var review = await WaitAsync(driver, "the review task of the monthly report");
        Assert.Contains("clue-administrator", review.CandidateGroups);
        var variables = (await driver.InstanceAsync(review.InstanceId))["variables"]!;
        Assert.Equal("2026-03", (string)variables["reportMonth"]!);

        var refused = await driver.TryCompleteAsync(driver.Admin, review.Id, new { reviewDecision = "publish" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("reviewDecision", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Sent back once: the report is rebuilt with the administrator's analysis, and reviewed again.
        await driver.CompleteAsync(await driver.AsAsync(administrator), review, new { reviewDecision = "correct", commentary = "本月线索以裁判结果监督为主，采纳一件。" });
        var second = await WaitAsync(driver, "the second review");
        Assert.NotEqual(review.Id, second.Id);
        var url = (string)(await driver.InstanceAsync(second.InstanceId))["variables"]!["reportUrl"]!;
        var reviewed = Text(await driver.Admin.GetByteArrayAsync(url));
        Assert.Contains("本月线索以裁判结果监督为主", reviewed, StringComparison.Ordinal);
        Assert.Equal(0, await driver.OutboxCountAsync(administrator.Email, "monthly-report"));

        await driver.CompleteAsync(await driver.AsAsync(administrator), second, new { reviewDecision = "approve", commentary = "本月线索以裁判结果监督为主，采纳一件。" });
        foreach (var address in new[] { administrator.Email, officeEmail })
        {
            var mail = await ExplainedAsync(() => driver.MailAsync(address, "2026年3月"));
            Assert.Contains("本月收到线索：3 件", mail.Message.TextBody, StringComparison.Ordinal);
            var text = Text(await PdfAsync(mail));
            Assert.Contains("2026年3月", text, StringComparison.Ordinal);
            Assert.Contains("收到线索3", text, StringComparison.Ordinal);
            Assert.Contains("被采纳（立案、提请抗诉）1", text, StringComparison.Ordinal);
            Assert.Contains("采纳率", text, StringComparison.Ordinal);
            Assert.Contains("本月线索以裁判结果监督为主", text, StringComparison.Ordinal);
            // The ranking names the liaison for the members.
            Assert.Contains("王联络", text, StringComparison.Ordinal);
        }
        Assert.Single(driver.Mails(administrator.Email), m => (m.Message.Subject ?? "").Contains("2026年3月", StringComparison.Ordinal));

        var congress = await driver.MailAsync("renda@county.example.cn", "2026年3月");
        var congressText = Text(await PdfAsync(congress));
        Assert.Contains("收到线索3", congressText, StringComparison.Ordinal);
        Assert.Contains("裁判结果监督3", congressText, StringComparison.Ordinal);
        foreach (var identity in Identities.Append("本月线索以裁判结果监督为主").Append("刘主任"))
        {
            Assert.DoesNotContain(identity, congressText, StringComparison.Ordinal);
            Assert.DoesNotContain(identity, congress.Message.TextBody, StringComparison.Ordinal);
        }
        Assert.Equal("completed", (string)(await driver.InstanceAsync(second.InstanceId))["status"]!);

        // Jobs run at least once: running both steps again for this instance builds and sends nothing more.
        var finalVariables = (JsonObject)(await driver.InstanceAsync(second.InstanceId))["variables"]!.DeepClone();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var handlers = scope.ServiceProvider.GetServices<IServiceTaskHandler>().ToList();
            foreach (var (element, topic) in new[] { ("BuildReport", "monthly-report-build"), ("SendReport", "monthly-report-send") })
            {
                await handlers.Single(h => h.Topic == topic).ExecuteAsync(
                    new ServiceTaskContext(second.InstanceId, null, element, topic, 2, finalVariables), CancellationToken.None);
            }
        }
        Assert.Equal(1, await driver.OutboxCountAsync(administrator.Email, "monthly-report"));
        Assert.Equal(1, await driver.OutboxCountAsync("renda@county.example.cn", "monthly-report-congress"));

        // Both revisions stay on record; the PDF endpoint names a wrong audience.
        var stored = (await driver.Admin.GetFromJsonAsync<List<StoredReports.Entry>>("/api/monthly-reports"))!;
        Assert.Equal([1, 0], stored.Where(r => r.InstanceId == second.InstanceId).Select(r => r.Revision));
        var wrong = await driver.Admin.GetAsync(url + "?audience=press");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("audience", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The open review task.</summary>
    private Task<OpenTask> WaitAsync(ProcedureDriver driver, string description) =>
        ExplainedAsync(() => Eventually.ReturnsAsync(() => ReviewTaskAsync(driver), description, TimeSpan.FromSeconds(30)));

    private async Task<T> ExplainedAsync<T>(Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        // On a timeout, the monthly report's timers, jobs and incidents say what it waits for.
        catch (TimeoutException timeout)
        {
            await using var connection = await app.OpenConnectionAsync();
            var state = await connection.QueryAsync<string>("""
                select 'timer ' || t.status || ' due ' || t.due_at from engine.timers t join engine.definitions d on d.id = t.definition_id
                where d.key = 'monthly-report'
                union all
                select 'incident at ' || i.element_id || ': ' || i.message from engine.incidents i join engine.instances n on n.id = i.instance_id
                join engine.definitions d on d.id = n.definition_id where d.key = 'monthly-report'
                union all
                select 'job ' || j.element_id || ' ' || j.status || ' attempts ' || j.attempts || ': ' || coalesce(j.last_error, '')
                from engine.jobs j join engine.instances n on n.id = j.instance_id
                join engine.definitions d on d.id = n.definition_id where d.key = 'monthly-report'
                """);
            throw new InvalidOperationException($"{timeout.Message} Monthly report: {string.Join("; ", state)}", timeout);
        }
    }

    private static async Task<OpenTask?> ReviewTaskAsync(ProcedureDriver driver) =>
        (await driver.Admin.GetFromJsonAsync<List<OpenTask>>("/api/tasks?candidateGroup=clue-administrator&limit=500"))!
            .SingleOrDefault(t => t.ElementId == "ReviewReport");

    private static async Task<byte[]> PdfAsync(NetworkCenter.Supervision.Mail.Sink.ReceivedMail mail)
    {
        var pdf = Assert.Single(mail.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var stream = new MemoryStream();
        await pdf.Content!.DecodeToAsync(stream);
        return stream.ToArray();
    }

    /// <summary>The PDF's text without the spaces PdfPig puts between table cells.</summary>
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }
}
