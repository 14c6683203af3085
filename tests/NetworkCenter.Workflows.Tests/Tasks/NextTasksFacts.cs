using System.Net;
using System.Net.Http.Json;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Tasks;

/// <summary><c>POST /api/tasks/{id}/complete</c> with <c>Prefer: return=representation</c> answers the tasks it opened.</summary>
public sealed class NextTasksFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private static readonly DateTimeOffset ClockStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private sealed record Completed(List<OpenTask> Tasks);

    private static async Task<HttpResponseMessage> CompleteWithNextAsync(HttpClient client, Guid taskId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { variables = new { } }) };
        request.Headers.Add("Prefer", "return=representation");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Complete_WithPreferRepresentation_ReturnsTheTasksItOpened_AsTheListShowsThem()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("next-tasks.bpmn"));
        var id = await client.StartAsync("nextTasks", new { reviewer = "zhang" });
        await client.AdvanceAsync("PT1H");

        var response = await CompleteWithNextAsync(client, (await client.SingleTaskAsync(id, "first")).Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("return=representation", response.Headers.GetValues("Preference-Applied").Single());
        var opened = (await response.Content.ReadFromJsonAsync<Completed>(EngineClient.Json))!.Tasks;
        // "doomed" was opened and closed again by the sub-process's terminate end in the same command: not returned.
        Assert.Equal(["second", "third"], opened.Select(t => t.ElementId).Order());
        var listed = await client.TasksAsync(id);
        Assert.Equivalent(listed, opened, strict: true);
        var second = opened.Single(t => t.ElementId == "second");
        Assert.Equal(("Second", "second.form"), (second.Name, second.FormKey));
        Assert.Equal(["clue-administrator"], second.CandidateGroups);
        Assert.Equal(ClockStart.AddHours(1).AddDays(2), second.Due);
        Assert.Equal("zhang", opened.Single(t => t.ElementId == "third").Assignee);
    }

    [Fact]
    public async Task Complete_WithPreferRepresentation_ReturnsNoTasks_WhenTheInstanceEnds_And409TheSecondTime()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("user-task.bpmn"));
        var id = await client.StartAsync("userTask", new { reviewer = "admin" });
        var task = await client.SingleTaskAsync(id, "review");

        var first = await CompleteWithNextAsync(client, task.Id);
        var again = await CompleteWithNextAsync(client, task.Id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Empty((await first.Content.ReadFromJsonAsync<Completed>(EngineClient.Json))!.Tasks);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("completed", (await client.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task Complete_WithoutPrefer_StillAnswers204WithNoBody()
    {
        var client = await app.SignedInClientAsync();
        await client.DeployAsync(EngineClient.Fixture("next-tasks.bpmn"));
        var id = await client.StartAsync("nextTasks", new { reviewer = "zhang" });

        var response = await client.TryCompleteAsync((await client.SingleTaskAsync(id, "first")).Id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
