using System.Net;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// The review is done on Tuesday 2026-03-03 at 09:00. Counting on the legal calendar, day 5 is Sunday 03-08, a rest
/// day, so the reminder waits for Monday 03-09; day 7 is Tuesday 03-10, the escalation.
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class ReviewAndDiscussionFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Discussion_IsRemindedOnDay5_EscalatedOnDay7_AndTheCommitteeDecidesARetrialSuggestion()
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var procurator = await driver.StaffAsync(Roles.HandlingProcurator);
        var head = await driver.StaffAsync(Roles.DepartmentHead);
        var chief = await driver.StaffAsync(Roles.ChiefProcurator);
        var secretary = await driver.StaffAsync(Roles.CommitteeSecretary);
        var liaison = await driver.LiaisonAsync();
        var (clueId, number) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var instance = await driver.StartAsync("review-and-discussion", clueId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { clueId, registerNumber = number, procurator = procurator.Username });

        await driver.AdvanceAsync("P1D");
        var review = await driver.TaskAsync(clueId, "Review");
        Assert.Equal(instance, review.InstanceId);
        await driver.CompleteAsync(await driver.AsAsync(procurator), review, new { reviewOpinion = "原判决认定基本事实缺乏证据证明。", meetsConditions = "yes" });

        var discussion = await driver.TaskAsync(clueId, "Discussion");
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), discussion.Due);

        await driver.AdvanceAsync("P5DT23H59M"); // Monday 03-09 08:59: nothing on the Sunday, nothing yet
        Assert.Equal(0, await driver.OutboxCountAsync(head.Email, "task-reminder"));
        await driver.AdvanceAsync("PT1M");
        var reminder = await driver.MailAsync(head.Email, "办理提醒：集体讨论");
        Assert.Contains(number, reminder.Message.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await driver.OutboxCountAsync(chief.Email, "deadline-escalation"));

        await driver.AdvanceAsync("PT23H59M"); // Tuesday 03-10 08:59
        Assert.Equal(0, await driver.OutboxCountAsync(chief.Email, "deadline-escalation"));
        await driver.AdvanceAsync("PT1M");
        await driver.MailAsync(chief.Email, "超期督办：集体讨论");
        var refused = await driver.TryCompleteAsync(await driver.AsAsync(head), discussion.Id, new { recommendation = "file", recommendedInstrument = "retrial-suggestion", participants = "部门全体检察官" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("minutes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await driver.CompleteAsync(await driver.AsAsync(head), discussion, new
        {
            recommendation = "file", recommendedInstrument = "retrial-suggestion", participants = "部门全体检察官", minutes = "一致建议立案，提出再审检察建议。",
        });

        // A retrial suggestion is always the committee's decision, never the procurator's.
        var decide = await driver.TaskAsync(clueId, "Decide_Committee");
        Assert.Null(await driver.FindTaskAsync(clueId, "Decide_Procurator"));
        await driver.CompleteAsync(await driver.AsAsync(secretary), decide, new { decision = "file", reasons = "检察委员会决定立案审查。" });

        await driver.TaskAsync(clueId, "ApproveNotice");
        await using var connection = await app.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(string Role, string By, string Decision, string Recommendation, string Chair)>("""
            select decider_role, decided_by, decision, discussion_recommendation, discussion_chair from supervision.clue_decisions where clue_id = @clueId
            """, new { clueId });
        Assert.Equal(("procuratorial-committee", secretary.Username, "file", "file", head.Username), row);
    }
}
