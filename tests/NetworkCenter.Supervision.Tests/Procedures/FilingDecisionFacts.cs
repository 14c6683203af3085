using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>The decision is taken on Monday 2026-03-02 09:00: reminder Wednesday 03-04, escalation Thursday 03-05.</summary>
[Collection(ProceduresCollection.Name)]
public sealed class FilingDecisionFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task LateNotice_IsRemindedOnDay2_EscalatedAndRecordedAsABreachOnDay3_ThenSentAsAPdf_AndTheCaseNumberIsKept()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var head = await driver.StaffAsync(Roles.DepartmentHead);
        var chief = await driver.StaffAsync(Roles.ChiefProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var instance = await driver.StartAsync("filing-decision", clueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { clueId, registerNumber = number, procurator = procurator.Username, decision = "file", reasons = "符合立案条件" });
        var approve = await driver.TaskAsync(clueId, "ApproveNotice");
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8)), approve.Due);

        await driver.AdvanceAsync("P1DT23H59M");
        Assert.Equal(0, await driver.OutboxCountAsync(head.Email, "task-reminder"));
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(head.Email, "办理提醒：审批书面通知");

        await driver.AdvanceAsync("PT23H59M");
        Assert.Equal(0, await driver.OutboxCountAsync(chief.Email, "deadline-escalation"));
        Assert.Null((await driver.InstanceAsync(instance))["variables"]?["noticeBreached"]);
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(chief.Email, "超期督办：审批书面通知");
        Assert.True((bool)(await driver.InstanceAsync(instance))["variables"]!["noticeBreached"]!);
        await using (var connection = await app.OpenConnectionAsync())
        {
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
                "select count(*) from supervision.audit_log where action = 'notice-period-breached' and subject = @subject", new { subject = $"clue:{clueId}" }));
        }
        await driver.CompleteAsync(await driver.AsAsync(head), approve, new { approved = true, noticeReasons = "经审查符合立案条件" });
        var notice = await driver.MailAsync(liaison.Email, $"线索处理结果书面通知 {number}");
        var pdf = Assert.Single(notice.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using var stream = new MemoryStream();
        await pdf.Content!.DecodeToAsync(stream);
        using (var document = PdfDocument.Open(stream.ToArray()))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(number, text, StringComparison.Ordinal);
        }
        await driver.CompleteAsync(await driver.AsAsync(procurator), await driver.TaskAsync(clueId, "RecordCaseNumber"), new { nationalCaseNumber = "冀检民监〔2026〕7号" });
        await driver.MailAsync(liaison.Email, $"线索办理进展 {number}：已立案审查");
        Assert.Equal("filed", await driver.ClueStatusAsync(clueId));
        await using (var connection = await app.OpenConnectionAsync())
        {
            Assert.Equal("冀检民监〔2026〕7号", await connection.ExecuteScalarAsync<string>(
                "select national_case_number from supervision.clue_case_links where clue_id = @clueId", new { clueId }));
        }
    }

    // form-js submits a checkbox as true or false only; an empty string comes from a hand-made request.
    [Fact]
    public async Task ApproveNotice_AnsweredWithAnEmptyString_Is400NamingTheCheckbox_AndTheTaskStaysOpen()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var head = await driver.StaffAsync(Roles.DepartmentHead);
        var liaison = await driver.LiaisonAsync();
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var instance = await driver.StartAsync("filing-decision", clueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { clueId, registerNumber = number, procurator = procurator.Username, decision = "file", reasons = "符合立案条件" });
        var approve = await driver.TaskAsync(clueId, "ApproveNotice");
        using var client = await driver.AsAsync(head);

        var response = await driver.TryCompleteAsync(client, approve.Id, new { approved = "", noticeReasons = "经审查符合立案条件" });

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {answer}");
        Assert.Contains("\"approved\"", answer, StringComparison.Ordinal);
        Assert.Contains("form.boolean", answer, StringComparison.Ordinal);
        Assert.Equal(approve.Id, (await driver.TaskAsync(clueId, "ApproveNotice")).Id);
        Assert.Null((await driver.InstanceAsync(instance))["variables"]?["approved"]);
    }
}
