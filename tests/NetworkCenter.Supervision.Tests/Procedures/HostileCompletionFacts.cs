using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

/// <summary>
/// Hostile completions of a real task (the clue intake's triage form): each answers 400 with a message naming the field
/// or the body's fault, never 500; the task stays open and the instance's variables stay as they were.
/// </summary>
[Collection(ProceduresCollection.Name)]
public sealed class HostileCompletionFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static readonly string Deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + string.Concat(Enumerable.Repeat("}", 10_000));

    // (the body, a word the answer must contain)
    public static TheoryData<string, string> Bodies() => new()
    {
        { """{"variables":{"jurisdiction":42,"kind":"judgment-supervision","department":"civil"}}""", "jurisdiction" },
        { """{"variables":{"jurisdiction":"inside","kind":{"$type":"System.IO.File"},"department":"civil"}}""", "kind" },
        { """{"variables":{"jurisdiction":"inside","kind":null,"department":"civil"}}""", "kind" },
        { """{"variables":{"jurisdiction":"<script>alert(1)</script>","kind":"judgment-supervision","department":"civil"}}""", "jurisdiction" },
        { """{"variables":{"jurisdiction":["inside"],"kind":"judgment-supervision","department":"civil"}}""", "jurisdiction" },
        { """{"variables":{"jurisdiction":"inside","kind":"judgment-supervision","department":1e308}}""", "department" },
        { """{"variables":{"jurisdiction":"inside","kind":"judgment-supervision","department":"civil","triageNote":123}}""", "triageNote" },
        { """{"variables":{"jurisdiction":"inside","kind":"judgment-supervision","department":"civil","triageNote":"""
            + "\"" + new string('x', 200_000) + "\"}}", "triageNote" },
        { """{"variables":{"jurisdiction":"inside","kind":"judgment-supervision","department":"civil","triageNote":"""
            + "\"" + new string('长', 200_000) + "\"}}", "larger than" },
        { """{"variables":{"jurisdiction":"\u202Einside","kind":"judgment-supervision","department":"civil"}}""", "jurisdiction" },
        { """{"variables":{}}""", "kind" },
        { """{"variables":{"jurisdiction":"inside","kind":"judgment-supervision","department":"civil","x":""" + Deep + "}}", "" },
        { "{\"variables\":", "" },
        { "[1,2,3]", "" },
        { "\"variables\"", "" },
        { """{"variables":"inside"}""", "" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Complete_RefusesAHostileSubmission_With400_LeavingTheTaskOpenAndTheVariablesUnchanged(string body, string field)
    {
        var driver = await ProcedureDriver.CreateAsync(app);
        var liaison = await driver.LiaisonAsync();
        var (clueId, _) = await driver.RegisterClueAsync(liaison.Id, liaison.OfficeId);
        var triage = await driver.TaskAsync(clueId, "Triage");
        var before = (await driver.InstanceAsync(triage.InstanceId))["variables"]!.ToJsonString();

        var (clerk, _) = await app.SignedInClientForRoleAsync(Roles.ClueAdministrator, language: "en"); // English messages
        using var _clerk = clerk;
        var response = await clerk.PostAsync($"/api/tasks/{triage.Id}/complete", new StringContent(body, Encoding.UTF8, "application/json"));

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {answer[..Math.Min(answer.Length, 500)]}");
        Assert.Contains(field, answer, StringComparison.Ordinal);
        Assert.NotEmpty((JsonNode.Parse(answer)!["title"] ?? JsonNode.Parse(answer)!["detail"])!.GetValue<string>());
        Assert.Equal(triage.Id, (await driver.TaskAsync(clueId, "Triage")).Id);
        Assert.Equal(before, (await driver.InstanceAsync(triage.InstanceId))["variables"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await driver.Admin.GetAsync("/health")).StatusCode);

        await driver.CompleteAsync(triage, new { jurisdiction = "inside", kind = "judgment-supervision", department = "civil" });
    }
}
