using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Runtime;

/// <summary>
/// A deployed script task that tries to leave the sandbox or exhaust the service: the instance stops at the task with
/// an incident saying why, in bounded time, and the service stays healthy.
/// </summary>
public sealed class HostileScriptFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private static string ScriptProcess(string key, string script) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="hostile" />
            <bpmn:scriptTask id="hostile" scriptFormat="javascript"><bpmn:script>{SecurityElement.Escape(script)}</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="f2" sourceRef="hostile" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData("endless-loop", "while (true) {}", "was stopped")]
    [InlineData("recursion", "function f() { return f(); } f()", "recursed")]
    [InlineData("memory", "var s = 'x'; while (true) { s = s + s; }", "memory limit")]
    [InlineData("import", "import('fs')", "failed")]
    [InlineData("clr", "importNamespace('System.IO').File.ReadAllText('/etc/passwd')", "failed")]
    [InlineData("explosion", "var a = [1]; for (var i = 0; i < 40; i++) { a = [a, a]; } result = a;", "more than")]
    [InlineData("self-reference", "var a = {}; a.self = a; result = a;", "nested too deeply")]
    public async Task HostileScript_BecomesAnIncidentSayingWhy_AndTheServiceStaysHealthy(string name, string script, string reason)
    {
        var client = await app.SignedInClientAsync();
        var key = "hostile-" + name;
        await client.DeployAsync(ScriptProcess(key, script));
        var clock = Stopwatch.StartNew();

        var id = await client.StartAsync(key);

        var instance = await client.EventuallyAsync(id, i => i.Status == "incident", "an incident at the script task");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(["hostile"], instance.ActiveElementIds);
        var incident = Assert.Single((await client.GetFromJsonAsync<List<JsonObject>>($"/api/incidents?instanceId={id}"))!);
        Assert.Contains(reason, incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
