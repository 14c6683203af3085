using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Deployment;

public sealed class MiwgDeploymentFacts(EngineApp app) : IClassFixture<EngineApp>
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Model", "Miwg"), "*.bpmn").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Deploy_MiwgReference_DeploysOrNamesEachElementItCannotRun(string file)
    {
        var client = await app.SignedInClientAsync();
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Model", "Miwg", file));

        var response = await client.PostXmlAsync(xml);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{file}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray();
            Assert.NotEmpty(errors);
        }
    }
}
