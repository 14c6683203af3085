using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Workflows;

/// <summary>The designer's drafts on the server: saved unfinished, read back, refused when not BPMN, cleared by deploying.</summary>
public sealed class DefinitionDraftsFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    // Not deployable: the engine runs no complex gateway, and this one leads nowhere yet.
    private static string Unfinished(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="choose" />
            <bpmn:complexGateway id="choose" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Deployable(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [Fact]
    public async Task Put_StoresAnUndeployableDraft_AndGetReturnsIt_WithWhoSavedIt()
    {
        using var admin = await app.SignedInClientAsync();

        var saved = await admin.PutAsync("/api/definitions/draft-unfinished/draft?baseVersion=2", Xml(Unfinished("draft-unfinished")));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await admin.GetFromJsonAsync<JsonObject>("/api/definitions/draft-unfinished/draft");
        Assert.Equal(Unfinished("draft-unfinished"), (string?)draft!["xml"]);
        Assert.Equal(2, (int?)draft["baseVersion"]);
        Assert.Equal("admin", (string?)draft["savedBy"]);
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/definitions/drafts");
        Assert.Contains(list!, d => (string?)d!["key"] == "draft-unfinished");
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsync("/api/definitions", Xml(Unfinished("draft-unfinished")))).StatusCode);
    }

    [Theory]
    [InlineData("<definitions xmlns=\"http://example.com/other\"><process id=\"draft-bad\"/></definitions>", "xml")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"other\"/>", "xml")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"other\"/></bpmn:definitions>", "key")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"e\">]><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"draft-bad\"/></bpmn:definitions>", "xml")]
    public async Task Put_Answers400NamingTheProblem_AndStoresNothing_ForAFileThatIsNotThatProcess(string xml, string field)
    {
        using var admin = await app.SignedInClientAsync();

        var response = await admin.PutAsync("/api/definitions/draft-bad/draft", Xml(xml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]![field]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/definitions/draft-bad/draft")).StatusCode);
    }

    [Fact]
    public async Task Deploying_ClearsTheDraftOfThatKey_ButNotOthers()
    {
        using var admin = await app.SignedInClientAsync();
        (await admin.PutAsync("/api/definitions/draft-deployed/draft", Xml(Deployable("draft-deployed")))).EnsureSuccessStatusCode();
        (await admin.PutAsync("/api/definitions/draft-kept/draft", Xml(Unfinished("draft-kept")))).EnsureSuccessStatusCode();

        (await admin.PostAsync("/api/definitions", Xml(Deployable("draft-deployed")))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/definitions/draft-deployed/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/definitions/draft-kept/draft")).StatusCode);
    }

    [Fact]
    public async Task Delete_DiscardsTheDraft_AndAProcuratorMayNotSaveOne()
    {
        using var admin = await app.SignedInClientAsync();
        (await admin.PutAsync("/api/definitions/draft-discarded/draft", Xml(Unfinished("draft-discarded")))).EnsureSuccessStatusCode();
        var (procurator, _) = await app.SignedInClientForRoleAsync(Roles.HandlingProcurator);
        using var __ = procurator;

        Assert.Equal(HttpStatusCode.Forbidden, (await procurator.PutAsync("/api/definitions/draft-discarded/draft", Xml(Unfinished("draft-discarded")))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/definitions/draft-discarded/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/definitions/draft-discarded/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/definitions/draft-discarded/draft")).StatusCode);
    }
}
