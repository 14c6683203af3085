using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Workflows;

/// <summary>GET /api/tasks pages past its 500-task limit with offset, and says the total in X-Total-Count.</summary>
public sealed class TaskPagingFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private const int Tasks = 520;

    // One parallel multi-instance user task: one start makes all the tasks.
    private const string Definition = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="paging" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="task-paging" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="Review" camunda:candidateGroups="paging-reviewers">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${items}" camunda:elementVariable="item" />
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<HttpClient> WithTasksAsync()
    {
        var admin = await app.SignedInClientAsync();
        if ((await admin.GetFromJsonAsync<JsonArray>("/api/tasks?candidateGroup=paging-reviewers&limit=1"))!.Count == 0)
        {
            (await admin.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "task-paging", variables = new { items = Enumerable.Range(1, Tasks) } }))
                .EnsureSuccessStatusCode();
        }
        return admin;
    }

    private static async Task<(JsonArray Page, int Total)> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/tasks?{query}");
        response.EnsureSuccessStatusCode();
        var total = int.Parse(Assert.Single(response.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        return ((await response.Content.ReadFromJsonAsync<JsonArray>())!, total);
    }

    [Fact]
    public async Task Offset_PagesPastFiveHundred_WithEveryTaskOnce_AndTheTotalOnEveryPage()
    {
        using var admin = await WithTasksAsync();

        var (first, firstTotal) = await PageAsync(admin, "candidateGroup=paging-reviewers&limit=500");
        var (second, secondTotal) = await PageAsync(admin, "candidateGroup=paging-reviewers&limit=500&offset=500");
        var (beyond, beyondTotal) = await PageAsync(admin, "candidateGroup=paging-reviewers&limit=500&offset=600");

        Assert.Equal((500, Tasks), (first.Count, firstTotal));
        Assert.Equal((Tasks - 500, Tasks), (second.Count, secondTotal));
        Assert.Equal((0, Tasks), (beyond.Count, beyondTotal));
        var ids = first.Concat(second).Select(t => (string?)t!["id"]).ToList();
        Assert.Equal(Tasks, ids.Distinct().Count());
    }

    [Fact]
    public async Task WithoutAGroup_TheTotalCountsTheSameFilters()
    {
        using var admin = await WithTasksAsync();

        var (page, total) = await PageAsync(admin, "limit=10&offset=5");
        var (small, smallTotal) = await PageAsync(admin, "assignee=nobody-at-all");

        Assert.Equal(10, page.Count);
        Assert.True(total >= Tasks, $"total {total}");
        Assert.Equal((0, 0), (small.Count, smallTotal));
    }

    [Fact]
    public async Task AGroupsTotal_LeavesOutTasksCompletedOrCancelled()
    {
        using var admin = await app.SignedInClientAsync();
        var definition = Definition.Replace("task-paging", "task-paging-closing", StringComparison.Ordinal)
            .Replace("paging-reviewers", "paging-closers", StringComparison.Ordinal);
        (await admin.PostAsync("/api/definitions", new StringContent(definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "task-paging-closing", variables = new { items = new[] { 1, 2, 3 } } }))
            .EnsureSuccessStatusCode();
        var (page, total) = await PageAsync(admin, "candidateGroup=paging-closers&limit=1");
        Assert.Equal((1, 3), (page.Count, total));

        var taskId = (string)page[0]!["id"]!;
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { })).EnsureSuccessStatusCode();

        // A full page of one asks for the count: the completed task is no longer in the queue's total.
        var (after, afterTotal) = await PageAsync(admin, "candidateGroup=paging-closers&limit=1");
        Assert.Equal((1, 2), (after.Count, afterTotal));
        Assert.NotEqual(taskId, (string)after[0]!["id"]!);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000001")]
    [InlineData("many")]
    public async Task BadOffset_Answers400NamingIt(string offset)
    {
        using var admin = await app.SignedInClientAsync();

        var response = await admin.GetAsync($"/api/tasks?offset={offset}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("offset", body, StringComparison.OrdinalIgnoreCase);
    }
}
