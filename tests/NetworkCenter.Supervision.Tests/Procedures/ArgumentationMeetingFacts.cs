using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// A clue naming 张三丰 (ID number, phone, address), judge 李审判 and agent 赵律师 of 正义律师事务所; four liaisons of
/// the argumentation group, one of whom declared a tie to 赵律师. The clock starts on Monday 2026-03-02 09:00.
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class ArgumentationMeetingFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static readonly string[] Identities = ["张三丰", "三丰", "13912345678", "某县城关镇幸福路8号", "李审判", "赵律师", "正义律师事务所"];

    /// <summary>As form-js's datetime field sends it (utc_offset, minutes).</summary>
    private static string FormDate(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Meeting_ReleasesOnlyAnAnonymousBrief_InvitesNoTiedLiaison_AtLeast7DaysAhead_AndReportsUp()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var head = await driver.StaffAsync(Roles.DepartmentHead, "en"); // the refusals asserted below are English
        var chief = await driver.StaffAsync(Roles.ChiefProcurator);
        var source = await driver.LiaisonAsync();
        var idNumber = ClueTestData.ResidentId(4711);
        var (clueId, number) = await driver.RegisterClueAsync(source.Id, source.OfficeId, change: clue =>
        {
            clue["judge"] = "李审判";
            clue["summary"] = $"申请人张三丰（身份证号{idNumber}，电话13912345678，住某县城关镇幸福路8号）与某县棉纺厂劳动争议一案，审判员李审判未采信工资条，代理人赵律师（正义律师事务所）称三丰已签字。";
            clue["parties"] = new[]
            {
                new Dictionary<string, object?> { ["role"] = "applicant", ["personKind"] = "natural", ["name"] = "张三丰", ["idNumber"] = idNumber, ["phone"] = "13912345678", ["address"] = "某县城关镇幸福路8号" },
                new Dictionary<string, object?> { ["role"] = "respondent", ["personKind"] = "legal", ["name"] = "某县棉纺厂" },
            };
            clue["agents"] = new[] { new Dictionary<string, object?> { ["name"] = "赵律师", ["lawFirm"] = "正义律师事务所" } };
        });
        var liaisons = new List<(TestAccount Account, string Email)>();
        for (var i = 0; i < 4; i++)
        {
            liaisons.Add(await driver.SigningLiaisonAsync(i == 1 ? "en" : "zh-CN"));
        }
        var tied = liaisons[3];
        await using (var connection = await app.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                insert into supervision.liaison_ties (liaison_id, tie_kind, name, created_at) values (@LiaisonId, 'lawyer', ' 赵律师', now())
                """, new { tied.Account.LiaisonId });
        }
        var instance = await driver.StartAsync("argumentation-meeting", clueId.ToString(CultureInfo.InvariantCulture),
            new { clueId, registerNumber = number, procurator = procurator.Username });

        // (a) The proposed brief hides every identity; a brief that still names someone is not released.
        var edit = await driver.TaskAsync(clueId, "EditBrief");
        var draft = (string)(await driver.InstanceAsync(instance))["variables"]!["briefDraft"]!;
        Assert.All(Identities.Append(idNumber), identity => Assert.DoesNotContain(identity, draft, StringComparison.Ordinal));
        Assert.Contains("张某", draft, StringComparison.Ordinal);
        Assert.Contains("审判员", draft, StringComparison.Ordinal);
        Assert.Contains("代理人", draft, StringComparison.Ordinal);
        await driver.CompleteAsync(await driver.AsAsync(procurator), edit, new { brief = draft + "\n补充：三丰称其未签字。" });
        var again = await Eventually.ReturnsAsync(async () => await driver.FindTaskAsync(clueId, "EditBrief") is { } t && t.Id != edit.Id ? t : null,
            "the brief is sent back for editing");
        Assert.Contains("三丰", (string)(await driver.InstanceAsync(instance))["variables"]!["briefProblems"]!, StringComparison.Ordinal);
        Assert.Null(await driver.FindTaskAsync(clueId, "ConfirmParticipants"));
        await driver.CompleteAsync(await driver.AsAsync(procurator), again, new { brief = draft + "\n补充：张某称其未签字。" });

        // (b) Participants: the tied liaison is never proposed and cannot be added.
        var confirm = await driver.TaskAsync(clueId, "ConfirmParticipants");
        var proposed = ((JsonArray)(await driver.InstanceAsync(instance))["variables"]!["proposedParticipantIds"]!).Select(n => (long)n!.GetValue<double>()).ToList();
        Assert.DoesNotContain(tied.Account.LiaisonId!.Value, proposed);
        Assert.All(liaisons.Take(3), l => Assert.Contains(l.Account.LiaisonId!.Value, proposed));
        var three = string.Join(",", liaisons.Take(3).Select(l => l.Account.LiaisonId));
        var now = await driver.NowAsync();
        var meetingAt = now.AddDays(8).ToOffset(TimeSpan.FromHours(8));

        async Task RefusedAsync(object data, string field)
        {
            var response = await driver.TryCompleteAsync(await driver.AsAsync(head), confirm.Id, data);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && body.Contains(field, StringComparison.Ordinal), $"{response.StatusCode}: {body}");
        }
        await RefusedAsync(new { participantIds = three, meetingAt = FormDate(now.AddDays(7).AddMinutes(-1)) }, "meetingAt: must be at least 7 days");
        await RefusedAsync(new { participantIds = $"{three},{tied.Account.LiaisonId}", meetingAt = FormDate(meetingAt) }, "participantIds: liaison");
        await RefusedAsync(new { participantIds = string.Join(",", liaisons.Take(2).Select(l => l.Account.LiaisonId)), meetingAt = FormDate(meetingAt) }, "participantIds: at least 3");
        await driver.CompleteAsync(await driver.AsAsync(head), confirm, new { participantIds = three, meetingAt = FormDate(meetingAt) });

        // (c) Invitations with the brief as a PDF, to the three only.
        var english = await driver.MailAsync(liaisons[1].Email, $"Invitation to an argumentation meeting on clue {number}");
        foreach (var (account, email) in liaisons.Take(3))
        {
            var mail = account == liaisons[1].Account ? english : await driver.MailAsync(email, $"论证会邀请：线索 {number}");
            var pdf = Assert.Single(mail.Message.Attachments.OfType<MimeKit.MimePart>());
            using var stream = new MemoryStream();
            await pdf.Content!.DecodeToAsync(stream);
            using var document = PdfDocument.Open(stream.ToArray());
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            Assert.Contains(number, text, StringComparison.Ordinal);
            Assert.All(Identities, identity => Assert.DoesNotContain(identity, text, StringComparison.Ordinal));
        }
        Assert.Empty(driver.Mails(tied.Email));

        // (d) Each participant gives an opinion as themselves; nobody else may give it for them.
        var opinion = new
        {
            basicAttributes = "属于民事裁判结果监督，本院管辖。", legalRelationship = "劳动合同关系。", applicableLaw = "劳动合同法第三十条。",
            errorsInJudgment = "未采信工资条，认定事实缺乏证据。", prospects = "可提请抗诉。", jobCrimeInquiry = "暂无职务犯罪线索。",
        };
        List<OpenTask> opinions;
        try
        {
            opinions = await Eventually.ReturnsAsync(async () =>
            {
                var open = (await driver.Admin.GetFromJsonAsync<List<OpenTask>>($"/api/tasks?instanceId={instance}"))!.Where(t => t.ElementId == "Opinion").ToList();
                return open.Count == 3 ? open : null;
            }, "three opinion tasks", TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + (await driver.InstanceAsync(instance)).ToJsonString()
                + await driver.Admin.GetStringAsync($"/api/instances/{instance}/history"), e);
        }
        var first = opinions.Single(t => t.Assignee == liaisons[0].Account.Username);
        var someoneElse = await app.SignedInClientAsync(liaisons[2].Account.Username, liaisons[2].Account.Password);
        // Another liaison's task is not theirs to see: 404, as for another liaison's clue.
        Assert.Equal(HttpStatusCode.NotFound, (await driver.TryCompleteAsync(someoneElse, first.Id, opinion)).StatusCode);
        foreach (var (account, _) in liaisons.Take(3))
        {
            var client = await app.SignedInClientAsync(account.Username, account.Password);
            await driver.CompleteAsync(client, opinions.Single(t => t.Assignee == account.Username), opinion);
        }

        // Reminder the day before the meeting, not earlier.
        await driver.AdvanceAsync("P6DT23H59M");
        Assert.Equal(0, await driver.OutboxCountAsync(liaisons[0].Email, "argumentation-reminder"));
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(liaisons[0].Email, $"论证会提醒：线索 {number}");
        await driver.MailAsync(liaisons[1].Email, $"Reminder: the argumentation meeting on clue {number}");

        // (e, f) Record and report; the chief procurator decides a protest.
        await driver.CompleteAsync(await driver.AsAsync(procurator), await driver.TaskAsync(clueId, "Record"), new
        {
            record = "三名联络员到会，一致认为原判认定事实缺乏证据。", report = "张三丰一案，李审判未采信工资条，建议提请抗诉。", proposedHandling = "protest",
        });
        await driver.CompleteAsync(await driver.AsAsync(chief), await driver.TaskAsync(clueId, "Decide_Chief"), new { outcome = "protest", decisionReasons = "符合抗诉条件" });

        // (g) Reported up, anonymised; (h) the liaison who gave the clue is told.
        foreach (var address in new[] { "renda@county.example.cn", "minxing@city.procuratorate.example.cn" })
        {
            var report = await driver.MailAsync(address, "疑难线索论证情况报备");
            Assert.Contains("张某一案", report.Message.TextBody, StringComparison.Ordinal);
            Assert.All(Identities, identity => Assert.DoesNotContain(identity, report.Message.TextBody, StringComparison.Ordinal));
        }
        await driver.MailAsync(source.Email, $"线索办理进展 {number}：已提请抗诉");
        Assert.Equal("protest-proposed", await driver.ClueStatusAsync(clueId));
        Assert.Equal("completed", (string)(await driver.InstanceAsync(instance))["status"]!);
    }
}
