using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Supervision.Tests.Network;

/// <summary>
/// Every API endpoint whose route names a record, from the app's own endpoint table, × every role × a record the caller
/// owns and one they do not. <see cref="Rules"/> is the one declarative table: an endpoint with a route parameter and
/// no entry fails the first test, so a new endpoint cannot arrive without someone deciding who may reach whose record.
/// Roles the endpoint's policy refuses must get 403 whatever the record; <see cref="AccessMatrixFacts"/> checks that.
/// </summary>
public sealed class RecordAccessMatrixFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    /// <summary>Whose a record is: nobody's (the policy alone decides), a liaison's, a task's assignee's, or a clue's.</summary>
    public enum Owner
    {
        /// <summary>Office, staff, account, definition, form, instance, incident, holiday: shared by every admitted role.</summary>
        None,
        /// <summary>A liaison's profile or a clue they gave: theirs (own) or another liaison's (other); staff own none and see all.</summary>
        Liaison,
        /// <summary>A task assigned to the caller (own) or to somebody else in a candidate group of every staff role (other).</summary>
        Assignee,
        /// <summary>An attachment of the clue in the route (own) or of another clue (other).</summary>
        Clue,
    }

    /// <summary>Statuses for the roles the policy admits: on their own record, and on another's as a liaison, as staff, as an administrator.</summary>
    public sealed record Rule(Owner Owner, int Own = 0, int OtherAsLiaison = 0, int OtherAsStaff = 0, int? OtherAsAdministrator = null);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["GET /api/network/liaisons/{id:long}"] = new(Owner.Liaison, Own: 200, OtherAsLiaison: 404, OtherAsStaff: 200),
        ["GET /api/portal/clues/{id:long}"] = new(Owner.Liaison, Own: 200, OtherAsLiaison: 404),
        ["POST /api/tasks/{id:guid}/claim"] = new(Owner.Assignee, Own: 204, OtherAsLiaison: 404, OtherAsStaff: 409),
        ["POST /api/tasks/{id:guid}/unclaim"] = new(Owner.Assignee, Own: 204, OtherAsLiaison: 404, OtherAsStaff: 403, OtherAsAdministrator: 204),
        ["POST /api/tasks/{id:guid}/complete"] = new(Owner.Assignee, Own: 204, OtherAsLiaison: 404, OtherAsStaff: 403, OtherAsAdministrator: 204),
        ["GET /api/clues/{id:long}/attachments/{attachmentId:long}"] = new(Owner.Clue, Own: 200, OtherAsStaff: 404),
        ["GET /api/clues/{id:long}"] = new(Owner.None),
        ["PATCH /api/clues/{id:long}"] = new(Owner.None),
        ["GET /api/clues/{id:long}/duplicates"] = new(Owner.None),
        ["GET /api/clues/{id:long}/procedures"] = new(Owner.None),
        ["GET /api/clues/{id:long}/outcomes"] = new(Owner.None),
        ["POST /api/clues/{id:long}/outcomes"] = new(Owner.None),
        ["POST /api/clues/{id:long}/confirm"] = new(Owner.None),
        ["POST /api/clues/{id:long}/merge-into/{targetId:long}"] = new(Owner.None),
        ["PUT /api/network/liaisons/{id:long}"] = new(Owner.None),
        ["POST /api/network/liaisons/{id:long}/account"] = new(Owner.None),
        ["POST /api/network/liaisons/{id:long}/deactivate"] = new(Owner.None),
        ["POST /api/network/liaisons/{id:long}/reactivate"] = new(Owner.None),
        ["GET /api/network/offices/{id:long}"] = new(Owner.None),
        ["PUT /api/network/offices/{id:long}"] = new(Owner.None),
        ["POST /api/network/offices/{id:long}/deactivate"] = new(Owner.None),
        ["POST /api/network/offices/{id:long}/reactivate"] = new(Owner.None),
        ["GET /api/network/staff/{id:long}"] = new(Owner.None),
        ["PUT /api/network/staff/{id:long}"] = new(Owner.None),
        ["POST /api/network/staff/{id:long}/deactivate"] = new(Owner.None),
        ["POST /api/network/staff/{id:long}/reactivate"] = new(Owner.None),
        ["POST /api/accounts/{id:long}/password"] = new(Owner.None),
        ["POST /api/accounts/{id:long}/unlock"] = new(Owner.None),
        ["GET /api/instances/{id:guid}"] = new(Owner.None),
        ["GET /api/instances/{id:guid}/history"] = new(Owner.None),
        ["POST /api/incidents/{id:guid}/retry"] = new(Owner.None),
        ["GET /api/definitions/{key}/xml"] = new(Owner.None),
        ["GET /api/forms/{name}"] = new(Owner.None),
        ["PUT /api/forms/{name}"] = new(Owner.None),
        ["PUT /api/holidays/{date}"] = new(Owner.None),
        ["DELETE /api/holidays/{date}"] = new(Owner.None),
        ["GET /api/definitions/{key}/draft"] = new(Owner.None),
        ["PUT /api/definitions/{key}/draft"] = new(Owner.None),
        ["DELETE /api/definitions/{key}/draft"] = new(Owner.None),
        ["GET /api/definitions/{key}/poster.pdf"] = new(Owner.None),
        ["GET /api/monthly-reports/{id:long}/pdf"] = new(Owner.None),
        ["GET /api/statistics/{table}"] = new(Owner.None),
    };

    private static readonly string Definition = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="record-access" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="record-access" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:userTask id="work" name="Work" camunda:assignee="${assignee}" camunda:candidateGroups="{{string.Join(",", Roles.Staff)}}" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static TheoryData<string> AllRoles => [.. Roles.Staff, Roles.Liaison];

    [Fact]
    public void EveryEndpointNamingARecord_HasARule_AndEveryRuleAnEndpoint()
    {
        var endpoints = RecordEndpoints();

        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints with a route parameter found");
        Assert.Empty(endpoints.Where(e => !Rules.ContainsKey(e)).Select(e => $"{e}: no rule in RecordAccessMatrixFacts.Rules"));
        Assert.Empty(Rules.Keys.Where(k => !endpoints.Contains(k)).Select(k => $"{k}: a rule for an endpoint that does not exist"));
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Role_ReachesOwnAndOthersRecords_AsTheRuleTableSays(string role)
    {
        var (client, caller) = await app.SignedInClientForRoleAsync(role);
        using var _ = client;
        using var admin = await app.SignedInClientAsync();
        var mismatches = new List<string>();

        foreach (var (endpoint, rule) in Rules.Where(r => r.Value.Owner != Owner.None))
        {
            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
            var policy = PolicyOf(endpoint);
            var admitted = AccessPolicies.Admits(policy, [role]);
            var ownsSuch = rule.Owner is Owner.Assignee or Owner.Clue || role == Roles.Liaison;
            foreach (var own in ownsSuch ? new[] { true, false } : [false])
            {
                var path = await PathAsync(endpoint, rule.Owner, own, caller, admin);
                var expected = !admitted ? 403
                    : own ? rule.Own
                    : role == Roles.Liaison ? rule.OtherAsLiaison
                    : role == Roles.SystemAdministrator && rule.OtherAsAdministrator is { } forAdministrator ? forAdministrator
                    : rule.OtherAsStaff;
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                if ((int)response.StatusCode != expected)
                {
                    mismatches.Add($"{endpoint} on {(own ? "own" : "another's")} record: expected {expected}, got {(int)response.StatusCode} " +
                        await response.Content.ReadAsStringAsync());
                }
            }
        }

        Assert.Empty(mismatches);
    }

    /// <summary>A path to a fresh record of the kind the rule names, the caller's own or somebody else's.</summary>
    private async Task<string> PathAsync(string endpoint, Owner owner, bool own, TestAccount caller, HttpClient admin)
    {
        var route = endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        switch (owner)
        {
            case Owner.Liaison when route.StartsWith("/api/network/liaisons", StringComparison.Ordinal):
                var liaisonId = own ? caller.LiaisonId!.Value : (await app.CreateAccountAsync(Roles.Liaison)).LiaisonId!.Value;
                return $"/api/network/liaisons/{liaisonId}";
            case Owner.Liaison:
                var giver = own ? caller : await app.CreateAccountAsync(Roles.Liaison);
                using (var liaison = await app.SignedInClientAsync(giver.Username, giver.Password))
                {
                    var clue = await ClueTestData.RegisterAsync(liaison, await ClueTestData.OfficeAsync(app), portal: true);
                    return $"/api/portal/clues/{clue.Id}";
                }
            case Owner.Assignee:
                var task = await StartTaskAsync(admin, own ? caller.Username : "somebody-else");
                return route.Replace("{id:guid}", task.ToString(), StringComparison.Ordinal);
            case Owner.Clue:
                var (clueId, attachmentId) = await ClueWithAttachmentAsync(admin);
                var (_, othersAttachment) = await ClueWithAttachmentAsync(admin);
                return $"/api/clues/{clueId}/attachments/{(own ? attachmentId : othersAttachment)}";
            default:
                throw new InvalidOperationException($"{endpoint}: no record of kind {owner}");
        }
    }

    private bool _deployed;

    /// <summary>A user task assigned to <paramref name="assignee"/>, with every staff role as a candidate group.</summary>
    private async Task<Guid> StartTaskAsync(HttpClient admin, string assignee)
    {
        if (!_deployed)
        {
            (await admin.PostAsync("/api/definitions", new StringContent(Definition, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
            _deployed = true;
        }
        var started = await admin.PostAsJsonAsync("/api/instances",
            new { definitionKey = "record-access", variables = new { assignee } });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tasks = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks?instanceId={instanceId}");
        return tasks.EnumerateArray().Single().GetProperty("id").GetGuid();
    }

    private async Task<(long ClueId, long AttachmentId)> ClueWithAttachmentAsync(HttpClient admin)
    {
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var response = await admin.PostAsync("/api/clues", ClueTestData.Multipart(clue, ("判决书.pdf", "application/pdf", ClueTestData.Pdf)));
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!.Id;
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{id}");
        return (id, stored.GetProperty("attachments")[0].GetProperty("id").GetInt64());
    }

    private string PolicyOf(string endpoint) =>
        Endpoints().Single(e => Key(e) == endpoint).Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().Single();

    private List<string> RecordEndpoints() => [.. Endpoints().Where(e => e.RoutePattern.Parameters.Count > 0).Select(Key).Distinct()];

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && route.StartsWith("/api/", StringComparison.Ordinal));

    private static string Key(RouteEndpoint e) =>
        $"{(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Single()} {e.RoutePattern.RawText!.TrimEnd('/')}";
}
