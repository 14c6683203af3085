using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkCenter.Supervision.Tests.Network;

/// <summary>Reading the API's answers in tests: problem details' field names and created records' ids.</summary>
internal static class NetworkJson
{
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<long> CreateOfficeAsync(this HttpClient client, string name, string kind = "liaison-office", string hostUnitKind = "npc")
    {
        var response = await client.PostAsJsonAsync("/api/network/offices", new { kind, name, hostUnitKind, hostUnit = name + "（主办单位）" });
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }
}
