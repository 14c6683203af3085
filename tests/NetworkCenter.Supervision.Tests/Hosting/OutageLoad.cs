using System.Net;
using System.Net.Http.Json;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>The requests <see cref="DatabaseOutageFacts"/> keeps sending while PostgreSQL goes away, and what each got.</summary>
internal static class OutageLoad
{
    public static async Task<Outcome> RegisterAsync(HttpClient client, (long Id, string Email, long OfficeId) liaison, Phase phase)
    {
        var clue = Clues.ClueTestData.Judgment(liaison.OfficeId);
        clue["sourceKind"] = "liaison";
        clue["liaisonId"] = liaison.Id;
        return await SendAsync(Kind.Register, (string)clue["caseNumber"]!, phase, () => client.PostAsJsonAsync("/api/clues", clue));
    }

    public static Task<Outcome> CompleteAsync(HttpClient client, Guid task, Phase phase) =>
        SendAsync(Kind.Complete, task.ToString(), phase, () => client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } }));

    public static Task<Outcome> StartAsync(HttpClient client, Phase phase)
    {
        var key = $"load-{Guid.NewGuid():N}";
        return SendAsync(Kind.Start, key, phase, () => client.PostAsJsonAsync("/api/instances", new { definitionKey = "outage-load", businessKey = key, variables = new { } }));
    }

    private static async Task<Outcome> SendAsync(Kind kind, string key, Phase phase, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        return new Outcome(kind, key, phase, response.StatusCode, response.Headers.RetryAfter is not null, await response.Content.ReadAsStringAsync());
    }

    public enum Phase { Before, Stopping, Down, After }

    public enum Kind { Register, Complete, Start }

    public sealed record Outcome(Kind Kind, string Key, Phase Phase, HttpStatusCode Status, bool RetryAfter, string Body)
    {
        public bool Succeeded => (int)Status is >= 200 and < 300;
    }
}
