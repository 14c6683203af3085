using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

/// <summary>An inbox larger than one page of the task API (500) shows every task, from the real server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxPagingFacts(BrowserTestServer app)
{
    private const int Tasks = 620;

    // One parallel multi-instance user task for the committee secretaries: one start makes all the tasks, and
    // completing any one ends them all, so the shared database is left without them for the other browser tests.
    private const string Definition = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="paging" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="browser_inbox_paging" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="file" />
            <bpmn:userTask id="file" name="归档会议材料" camunda:candidateGroups="committee-secretary" camunda:dueDate="P10D">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${items}" camunda:elementVariable="item">
                <bpmn:completionCondition>${nrOfCompletedInstances >= 1}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="file" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Inbox_ShowsEveryTask_WhenAQueueHoldsMoreThanOnePage()
    {
        using var api = await app.ApiClientAsync();
        (await api.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var started = await api.PostAsJsonAsync("/api/instances", new { definitionKey = "browser_inbox_paging", variables = new { items = Enumerable.Range(1, Tasks) } });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var firstPage = await api.GetAsync("/api/tasks?candidateGroup=committee-secretary&limit=500");
        var queued = int.Parse(firstPage.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(queued >= Tasks, $"the queue holds {queued}");
        Assert.Equal(500, (await firstPage.Content.ReadFromJsonAsync<JsonElement[]>())!.Length);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/tasks");

        await Expect(page.Locator("tr[data-task-id]", new() { HasText = "归档会议材料" })).ToHaveCountAsync(Tasks, new() { Timeout = 30_000 });
        await BrowserTestServer.ScreenshotAsync(page, "inbox-paged");
        await page.Context.CloseAsync();

        var one = (await api.GetFromJsonAsync<JsonElement[]>($"/api/tasks?instanceId={instanceId}&limit=1"))![0].GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/tasks/{one}/claim", new { })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/tasks/{one}/complete", new { variables = new { } })).EnsureSuccessStatusCode();
        Assert.Empty((await api.GetFromJsonAsync<JsonElement[]>($"/api/tasks?instanceId={instanceId}"))!);
    }
}
