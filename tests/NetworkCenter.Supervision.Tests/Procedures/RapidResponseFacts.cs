using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>Each of the procurator's tasks is reminded the day before it is due, not a minute earlier.</summary>
[Collection(ProceduresCollection.Name)]
public sealed class RapidResponseFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task ProcuratorTasks_AreRemindedTheDayBeforeTheyAreDue_AndLeadToReview()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var liaison = await driver.LiaisonAsync("en");
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "Triage"), new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
        await driver.CompleteAsync(await driver.TaskAsync(clueId, "AssignProcurator"), new { procurator = procurator.Username });

        var card = await driver.MailAsync(liaison.Email, $"Contact card: clue {number}, handling procurator {procurator.Name}");
        Assert.Contains("Telephone: 0311-555", card.Message.TextBody, StringComparison.Ordinal);
        var start = await driver.NowAsync();
        var contactLiaison = await driver.TaskAsync(clueId, "ContactLiaison");
        Assert.Equal(start.AddDays(2), contactLiaison.Due);
        Assert.Equal(start.AddDays(5), (await driver.TaskAsync(clueId, "ContactParties")).Due);

        await driver.AdvanceAsync("PT23H59M");
        Assert.Equal(0, await driver.OutboxCountAsync(procurator.Email, "task-reminder"));
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(procurator.Email, "办理提醒：联系线索提供人");
        Assert.Equal(1, await driver.OutboxCountAsync(procurator.Email, "task-reminder"));
        await driver.CompleteAsync(await driver.AsAsync(procurator), contactLiaison, new { contactedAt = "2026-03-03T10:00:00+08:00", liaisonContactNote = "已电话联系，了解基本情况。" });

        await driver.AdvanceAsync("P2DT23H59M");
        Assert.Equal(1, await driver.OutboxCountAsync(procurator.Email, "task-reminder"));
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(procurator.Email, "办理提醒：联系当事人了解情况");
        await driver.MailAsync(procurator.Email, "办理提醒：准备立案材料并报告主管检察官");
        Assert.Equal(3, await driver.OutboxCountAsync(procurator.Email, "task-reminder"));

        await driver.CompleteAsync(await driver.AsAsync(procurator), await driver.TaskAsync(clueId, "ContactParties"), new { partiesContactNote = "申请人称一审认定事实错误。" });
        await driver.CompleteAsync(await driver.AsAsync(procurator), await driver.TaskAsync(clueId, "PrepareFiling"), new { filingMaterials = "审查报告初稿", reportedTo = "主管检察官" });
        var review = await driver.TaskAsync(clueId, "Review");
        Assert.Equal(procurator.Username, review.Assignee);
    }
}
