using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NetworkCenter.Benchmarks;

/// <summary>The few REST calls the benchmarks make, as DESIGN.md's API table defines them.</summary>
internal static class EngineClient
{
    public static async Task DeployAsync(this HttpClient client, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        var response = await client.PostAsync("/api/definitions", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deploy failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<Guid> StartAsync(this HttpClient client, string key, object? variables = null)
    {
        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = variables ?? new { } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> OpenTaskAsync(this HttpClient client, Guid instanceId)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/tasks?instanceId={instanceId}"));
        var tasks = body.RootElement.ValueKind == JsonValueKind.Array ? body.RootElement : body.RootElement.GetProperty("items");
        return tasks.GetArrayLength() > 0
            ? tasks[0].GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"instance {instanceId} has no open task: {await client.GetStringAsync($"/api/instances/{instanceId}")}");
    }

    /// <summary>Completes the task and returns the one it opened in its instance, from the same response (<c>Prefer: return=representation</c>).</summary>
    public static async Task<Guid> CompleteToNextAsync(this HttpClient client, Guid taskId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { variables = new { } }) };
        request.Headers.Add("Prefer", "return=representation");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("tasks")[0].GetProperty("id").GetGuid();
    }

    public static async Task CompleteAsync(this HttpClient client, Guid taskId)
    {
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } });
        response.EnsureSuccessStatusCode();
    }
}
