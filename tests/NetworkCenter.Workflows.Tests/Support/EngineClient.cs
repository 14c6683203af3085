using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Testing;

namespace NetworkCenter.Workflows.Tests.Support;

public sealed record Instance(Guid Id, string DefinitionKey, int Version, string Status, List<string> ActiveElementIds, JsonObject Variables);

public sealed record OpenTask(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, List<string> CandidateGroups,
    DateTimeOffset? Due, DateTimeOffset? FollowUp, string? FormKey);

public sealed record Deployed(Guid Id, string Key, int Version);

public sealed record Journal(long Id, DateTimeOffset At, string Kind, string? ElementId, string? User, JsonNode? Data);

/// <summary>The REST API as the tests drive it: every call asserts its status, so tests read as the behaviour.</summary>
public static class EngineClient
{
    /// <summary>The fixture <paramref name="file"/> next to the calling test's source file.</summary>
    public static string Fixture(string file, [CallerFilePath] string caller = "")
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(caller))!;
        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, file));
    }

    public static Task<HttpResponseMessage> PostXmlAsync(this HttpClient client, string xml) =>
        client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

    public static async Task<Deployed> DeployAsync(this HttpClient client, string xml)
    {
        var response = await client.PostXmlAsync(xml);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Deploy failed {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<Deployed>())!;
    }

    public static async Task<Guid> StartAsync(this HttpClient client, string key, object? variables = null, string? businessKey = null)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public static async Task<Instance> InstanceAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<Instance>($"/api/instances/{id}"))!;

    public static async Task<List<Journal>> HistoryAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<List<Journal>>($"/api/instances/{id}/history"))!;

    public static async Task<List<OpenTask>> TasksAsync(this HttpClient client, Guid? instanceId = null, string? candidateGroup = null, string? assignee = null)
    {
        var query = new List<string>();
        if (instanceId is { } id) query.Add($"instanceId={id}");
        if (candidateGroup is not null) query.Add($"candidateGroup={Uri.EscapeDataString(candidateGroup)}");
        if (assignee is not null) query.Add($"assignee={Uri.EscapeDataString(assignee)}");
        return (await client.GetFromJsonAsync<List<OpenTask>>("/api/tasks?" + string.Join('&', query)))!;
    }

    public static async Task<OpenTask> SingleTaskAsync(this HttpClient client, Guid instanceId, string elementId) =>
        Assert.Single(await client.TasksAsync(instanceId), t => t.ElementId == elementId);

    public static Task<HttpResponseMessage> TryCompleteAsync(this HttpClient client, Guid taskId, object? variables = null) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });

    public static async Task CompleteAsync(this HttpClient client, Guid taskId, object? variables = null)
    {
        var response = await client.TryCompleteAsync(taskId, variables);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Completes the one open task on <paramref name="elementId"/> of the instance.</summary>
    public static async Task CompleteTaskAsync(this HttpClient client, Guid instanceId, string elementId, object? variables = null) =>
        await client.CompleteAsync((await client.SingleTaskAsync(instanceId, elementId)).Id, variables);

    public static async Task AdvanceAsync(this HttpClient client, string by)
    {
        var response = await client.PostAsJsonAsync("/api/clock/advance", new { by });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> MessageAsync(this HttpClient client, string name, string? businessKey = null, Guid? instanceId = null, object? variables = null) =>
        client.PostAsJsonAsync("/api/messages", new { name, businessKey, instanceId, variables });

    /// <summary>Waits for asynchronous work (service jobs, called instances) until the instance satisfies the condition.</summary>
    public static Task<Instance> EventuallyAsync(this HttpClient client, Guid id, Func<Instance, bool> condition, string description) =>
        Eventually.ReturnsAsync(async () =>
        {
            var instance = await client.InstanceAsync(id);
            return condition(instance) ? instance : null;
        }, description);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
