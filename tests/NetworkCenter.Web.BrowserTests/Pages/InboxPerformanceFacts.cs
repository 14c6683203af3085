using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>
/// The figure in BENCHMARKS.md ("Browser"): the inbox renders 1,000 open tasks in under a second. The task API is
/// answered by the test (Playwright routing) so the figure is the page's work, not the engine's query.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxPerformanceFacts(BrowserTestServer app, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Inbox_Renders1000OpenTasks_InUnderOneSecond_OverdueFirst()
    {
        var tasks = Enumerable.Range(1, 1000).Select(i => new
        {
            id = $"task-{i}",
            instanceId = $"instance-{i}",
            elementId = "Task_Review",
            name = $"审查线索 {i}",
            assignee = i % 3 == 0 ? null : "admin",
            candidateGroups = new[] { "handling-procurator" },
            // Every seventh task is overdue, the rest due over the coming weeks.
            due = (i % 7 == 0 ? Now.AddDays(-1 - i % 5) : Now.AddHours(6 * i)).ToString("O", CultureInfo.InvariantCulture),
            followUp = (string?)null,
            formKey = "review-decision",
        }).ToArray();
        var json = JsonSerializer.Serialize(tasks);
        var page = await app.SignedInPageAsync();
        var answer = json;
        await page.RouteAsync("**/api/tasks?**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = route.Request.Url.Contains("assignee=", StringComparison.Ordinal) ? answer : "[]",
        }));
        await page.RouteAsync("**/api/clock", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new { now = Now.ToString("O", CultureInfo.InvariantCulture) }),
        }));

        var started = DateTimeOffset.UtcNow;
        await page.GotoAsync("/tasks");
        await Expect(page.Locator("tr[data-task-id]")).ToHaveCountAsync(1000);
        var wall = (DateTimeOffset.UtcNow - started).TotalMilliseconds;
        var render = await page.EvaluateAsync<double>("() => ncInbox.lastRenderMs");

        await Expect(page.Locator("tr[data-task-id]").First).ToHaveAttributeAsync("data-urgency", "overdue");
        await Expect(page.Locator("tr[data-urgency='overdue']")).ToHaveCountAsync(142);
        await Expect(page.Locator("#task-count")).ToHaveTextAsync("1000 个任务");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTestServer.ScreenshotFolder, "inbox.png") });

        // The baseline, in the same run: the same page with an empty inbox.
        answer = "[]";
        started = DateTimeOffset.UtcNow;
        await page.ReloadAsync();
        await Expect(page.Locator("#task-count")).ToHaveTextAsync("没有待办任务。");
        var emptyWall = (DateTimeOffset.UtcNow - started).TotalMilliseconds;
        var emptyRender = await page.EvaluateAsync<double>("() => ncInbox.lastRenderMs");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"inbox, 1000 open tasks: list rendered in {render:F0} ms, navigation to 1000 rows on screen {wall:F0} ms; baseline empty inbox: {emptyRender:F0} ms, {emptyWall:F0} ms");
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(BrowserTestServer.ScreenshotFolder, "..", "inbox-render.txt"), line + Environment.NewLine);
        Assert.True(render < 1000, line);
        await page.Context.CloseAsync();
    }
}
