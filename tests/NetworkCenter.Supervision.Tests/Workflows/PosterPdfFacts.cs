using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetworkCenter.Testing;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.Workflows;

/// <summary>GET /api/definitions/{key}/poster.pdf: each procedure drawn from its BPMNDI on one landscape page.</summary>
public sealed partial class PosterPdfFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    public static TheoryData<string> Procedures =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.bpmn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Procedures))]
    public async Task EveryProcedure_IsOneA4LandscapePage_WithItsTitleAndEveryNamedElement(string key)
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync($"/api/definitions/{key}/poster.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(842, page.Width, 0);
        Assert.Equal(595, page.Height, 0);
        var text = Squeeze(page.Text);
        var xml = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "workflows", $"{key}.bpmn")));
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var process = xml.Descendants(bpmn + "process").Single(p => (string?)p.Attribute("id") == key);
        Assert.Contains(Squeeze((string)process.Attribute("name")!), text);
        var drawn = xml.Descendants(XName.Get("BPMNShape", "http://www.omg.org/spec/BPMN/20100524/DI"))
            .Concat(xml.Descendants(XName.Get("BPMNEdge", "http://www.omg.org/spec/BPMN/20100524/DI")))
            .Select(di => (string?)di.Attribute("bpmnElement")).ToHashSet();
        var names = process.Descendants().Where(e => drawn.Contains((string?)e.Attribute("id")))
            .Select(e => (string?)e.Attribute("name")).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(Squeeze(name!), text));
    }

    [Fact]
    public async Task A3_IsTheLargerSheet_AndAnOlderVersionIsDrawnWhenAsked()
    {
        using var client = await app.SignedInClientAsync();
        const string key = "poster-versions";
        (await client.PostAsync("/api/definitions", Bpmn(key, "第一版任务"))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/definitions", Bpmn(key, "第二版任务"))).EnsureSuccessStatusCode();

        var a3 = await client.GetByteArrayAsync($"/api/definitions/{key}/poster.pdf?paper=A3&version=1");

        using var pdf = PdfDocument.Open(a3);
        var page = Assert.Single(pdf.GetPages());
        Assert.Equal(1191, page.Width, 0);
        Assert.Contains("第一版任务", Squeeze(page.Text));
        Assert.DoesNotContain("第二版任务", Squeeze(page.Text));
    }

    [Fact]
    public async Task BadPaper_Answers400NamingIt_UnknownKey404_AndNoDiagram422()
    {
        using var client = await app.SignedInClientAsync();
        const string bare = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://networkcenter/tests">
              <bpmn:process id="poster-bare" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" /></bpmn:process>
            </bpmn:definitions>
            """;
        (await client.PostAsync("/api/definitions", new StringContent(bare, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();

        var badPaper = await client.GetAsync("/api/definitions/rapid-response/poster.pdf?paper=letter");
        Assert.Equal(HttpStatusCode.BadRequest, badPaper.StatusCode);
        Assert.NotNull((await badPaper.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["paper"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/definitions/no-such-procedure/poster.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/api/definitions/poster-bare/poster.pdf")).StatusCode);
    }

    private static StringContent Bpmn(string key, string taskName) => new($"""
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="http://networkcenter/tests">
          <bpmn:process id="{key}" name="海报测试" isExecutable="true">
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <bpmn:userTask id="t" name="{taskName}" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" /><bpmn:endEvent id="e" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="{key}">
            <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="t_di" bpmnElement="t"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="e_di" bpmnElement="e"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """, Encoding.UTF8, "application/xml");

    private static string Squeeze(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NetworkCenter.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The repository root is not above the test assembly.");
    }
}
