using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Deployment;

public sealed class DeploymentFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Deploy_SameXmlTwice_IsNotANewVersion_ChangedXmlIs_AndRunningInstancesKeepTheirVersion()
    {
        var client = await app.SignedInClientAsync();
        var xml = EngineClient.Fixture("versioned.bpmn");
        var first = await client.PostXmlAsync(xml);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = (await first.Content.ReadFromJsonAsync<Deployed>())!;
        var running = await client.StartAsync("versioned");

        var again = await client.PostXmlAsync(xml);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(v1, await again.Content.ReadFromJsonAsync<Deployed>());

        var v2 = await client.DeployAsync(xml.Replace("id=\"first\"", "id=\"first\" name=\"changed\"", StringComparison.Ordinal));
        Assert.Equal(("versioned", 2), (v2.Key, v2.Version));
        Assert.Equal(1, (await client.InstanceAsync(running)).Version);
        Assert.Equal(2, (await client.InstanceAsync(await client.StartAsync("versioned"))).Version);
        await client.CompleteTaskAsync(running, "first");
        Assert.Equal("completed", (await client.InstanceAsync(running)).Status);

        var list = (await client.GetFromJsonAsync<List<JsonObject>>("/api/definitions"))!;
        Assert.Equal(2, Assert.Single(list, d => d["key"]!.GetValue<string>() == "versioned")["version"]!.GetValue<int>());
        Assert.Contains("changed", await client.GetStringAsync("/api/definitions/versioned/xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("changed", await client.GetStringAsync("/api/definitions/versioned/xml?version=1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/definitions/versioned/xml?version=9")).StatusCode);
    }

    [Fact]
    public async Task Deploy_Returns400ListingEveryProblemByElement_AndStoresNothing()
    {
        var client = await app.SignedInClientAsync();
        var before = await DefinitionCountAsync();

        var response = await client.PostXmlAsync(EngineClient.Fixture("invalid.bpmn"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
        var elements = errors.Select(e => e!["elementId"]?.GetValue<string>()).ToHashSet();
        Assert.Contains("call", elements);
        Assert.Contains("complex", elements);
        Assert.Contains("wait", elements);
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("nobody-handles-this", StringComparison.Ordinal));
        Assert.Equal(before, await DefinitionCountAsync());
    }

    [Theory]
    [InlineData("<not xml")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>")]
    [InlineData("")]
    public async Task Deploy_Returns400_ForMalformedXmlOrADtd(string xml)
    {
        var client = await app.SignedInClientAsync();
        var before = await DefinitionCountAsync();

        var response = await client.PostXmlAsync(xml);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray());
        Assert.Equal(before, await DefinitionCountAsync());
    }

    [Fact]
    public async Task Deploy_Returns401_WhenNotSignedIn()
    {
        var response = await app.CreateClient().PostXmlAsync(EngineClient.Fixture("versioned.bpmn"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_Returns404_ForAnUnknownKey()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = "nope" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<long> DefinitionCountAsync()
    {
        await using var db = await app.OpenConnectionAsync();
        return await db.ExecuteScalarAsync<long>("select count(*) from engine.definitions");
    }
}
