using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Scheduling;

/// <summary>The clock starts the day before a seven-day period would end inside the 2026 Spring Festival holiday.</summary>
public sealed class SpringFestivalApp : EngineApp
{
    public static readonly DateTimeOffset Start = new(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(8));

    protected override DateTimeOffset ClockStart => Start;
}

public sealed class LegalCalendarTimerFacts(SpringFestivalApp app) : IClassFixture<SpringFestivalApp>
{
    [Fact]
    public async Task CalendarLegal_MovesTaskDueDateAndTimer_PastTheHoliday()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("legal-calendar.bpmn"));
        var id = await client.StartAsync("legalPeriod");

        var tasks = await client.TasksAsync(id);
        Assert.Equal(SpringFestivalApp.Start.AddDays(14), Assert.Single(tasks, t => t.ElementId == "reply").Due);
        Assert.Equal(SpringFestivalApp.Start.AddDays(7), Assert.Single(tasks, t => t.ElementId == "plain").Due);

        await client.AdvanceAsync("P13D");
        Assert.DoesNotContain(await client.TasksAsync(id), t => t.ElementId == "overdue");
        await client.AdvanceAsync("P1D");
        Assert.Contains(await client.TasksAsync(id), t => t.ElementId == "overdue");
    }
}
