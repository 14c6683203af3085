using System.Net;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

[Collection(ProceduresCollection.Name)]
public sealed class ClueIntakeFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task RegisteredClue_IsTriagedAndAssigned_AndTheLiaisonGetsFeedbackAndAContactCard()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync();
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);

        var registered = await driver.MailAsync(liaison.Email, $"线索办理进展 {number}：已登记");
        Assert.Equal(liaison.Email, Assert.Single(registered.EnvelopeTo));

        var triage = await driver.TaskAsync(clueId, "Triage");
        Assert.Contains(Roles.ClueAdministrator, triage.CandidateGroups);
        var refused = await driver.TryCompleteAsync(driver.Admin, triage.Id, new { jurisdiction = "inside", department = "civil" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("kind", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await driver.CompleteAsync(triage, new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });

        var assign = await driver.TaskAsync(clueId, "AssignProcurator");
        await driver.CompleteAsync(assign, new { procurator = procurator.Username });

        var card = await driver.MailAsync(liaison.Email, $"联系卡：线索 {number}");
        Assert.Contains(procurator.Name, card.Message.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"联系电话：0311-555\d{4}", card.Message.TextBody);
        Assert.Contains("已分配承办检察官", card.Message.TextBody, StringComparison.Ordinal);
        await driver.MailAsync(liaison.Email, $"线索办理进展 {number}：已分配承办检察官");
        Assert.Equal("assigned", await driver.ClueStatusAsync(clueId));

        // Rapid response has begun: the first of the procurator's tasks is theirs.
        var contact = await driver.TaskAsync(clueId, "ContactLiaison");
        Assert.Equal(procurator.Username, contact.Assignee);
        Assert.DoesNotContain(driver.Mails("minxing@city.procuratorate.example.cn"), m => m.Message.Subject?.Contains(number, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ClueOutsideJurisdiction_IsReferred_AndTheSenderIsToldWhere()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync("en");
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId, kind: "outside-jurisdiction");
        var registered = await driver.MailAsync(liaison.Email, $"Progress of clue {number}: registered");
        Assert.Contains("procedural status only", registered.Message.TextBody, StringComparison.Ordinal);

        var triage = await driver.TaskAsync(clueId, "Triage");
        await driver.CompleteAsync(triage, new { jurisdiction = "outside", kind = "outside-jurisdiction", department = "none", referredTo = "County Land Bureau" });

        var notice = await driver.MailAsync(liaison.Email, $"Clue {number} referred to the competent body");
        Assert.Contains("County Land Bureau", notice.Message.TextBody, StringComparison.Ordinal);
        await Eventually.HoldsAsync(async () => await driver.ClueStatusAsync(clueId) == "referred", "the clue is referred");
        Assert.Null(await driver.FindTaskAsync(clueId, "AssignProcurator"));
    }

    [Fact]
    public async Task JobCrimeClue_IsReportedToTheCityProcuratorate_ThenAssigned()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync();
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId, kind: "judicial-misconduct");

        var triage = await driver.TaskAsync(clueId, "Triage");
        await driver.CompleteAsync(triage, new { jurisdiction = "inside", kind = "judicial-misconduct", department = "investigation", triageNote = "审判员涉嫌受贿" });

        var report = await driver.MailAsync("minxing@city.procuratorate.example.cn", $"司法工作人员职务犯罪线索报告 {number}");
        Assert.Contains("审判员涉嫌受贿", report.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", report.Message.TextBody, StringComparison.Ordinal);
        await driver.TaskAsync(clueId, "AssignProcurator");
    }
}
