using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Deployment;

/// <summary>
/// Hostile files sent to <c>POST /api/definitions</c>: each is refused with a message (400, or 413 for size) in bounded
/// time, nothing is stored, and the service stays healthy.
/// </summary>
public sealed class HostileDefinitionFacts(EngineApp app) : IClassFixture<EngineApp>
{
    private const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static string Valid(string processName = "p") =>
        $"""<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="{Bpmn}" id="d"><process id="hostile-ok" name="{processName}" isExecutable="true">"""
        + """<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process></definitions>""";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    internal static byte[] Corpus(string name) => name switch
    {
        "billion-laughs" => Utf8("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">"""
            + string.Concat(Enumerable.Range(2, 8).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"))
            + $"""]><definitions xmlns="{Bpmn}"><process id="p" name="&lol9;"/></definitions>"""),
        "xxe" => Utf8($"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="{Bpmn}"><process id="p" name="&x;"/></definitions>"""),
        "external-dtd" => Utf8($"""<?xml version="1.0"?><!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/x.dtd"><definitions xmlns="{Bpmn}"/>"""),
        "parameter-entity" => Utf8($"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]><definitions xmlns="{Bpmn}"/>"""),
        "deep-nesting" => Utf8($"""<definitions xmlns="{Bpmn}"><process id="p">""" + string.Concat(Enumerable.Repeat("<subProcess>", 100_000))
            + string.Concat(Enumerable.Repeat("</subProcess>", 100_000)) + "</process></definitions>"),
        "100000-elements" => Utf8($"""<definitions xmlns="{Bpmn}"><process id="p"><startEvent id="s"/>"""
            + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<task id=\"t{i}\"/>")) + "</process></definitions>"),
        "huge-attribute" => Utf8(Valid(new string('x', 4_000_000))),
        "latin1-without-declaration" => Encoding.Latin1.GetBytes(Valid("Procédure")),
        "unknown-encoding" => Utf8(Valid().Replace("UTF-8", "X-NO-SUCH-CHARSET", StringComparison.Ordinal)),
        "random-bytes" => [.. Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919 + 13) % 251))],
        "zip" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, .. new byte[2000]],
        "nul-character-reference" => Utf8(Valid("a&#0;b")),
        "truncated" => Utf8(Valid()[..97]),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static readonly string[] CorpusNames =
    [
        "billion-laughs", "xxe", "external-dtd", "parameter-entity", "deep-nesting", "100000-elements", "huge-attribute",
        "latin1-without-declaration", "unknown-encoding", "random-bytes", "zip", "nul-character-reference", "truncated", "empty",
    ];

    public static TheoryData<string> Names() => [.. CorpusNames];

    // Bytes that are not text in their encoding, or not markup, are another media type than XML.
    private static readonly HashSet<string> NotXml = ["latin1-without-declaration", "unknown-encoding", "random-bytes", "zip"];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Deploy_RefusesAHostileFile_With400Or415AndAMessage_InBoundedTime_StoringNothing(string name)
    {
        var (client, _) = await app.SignedInClientForRoleAsync("supervisor", language: "en"); // the messages asserted are English
        var before = await DefinitionCountAsync();
        var clock = Stopwatch.StartNew();

        var response = await client.PostAsync("/api/definitions", Xml(new ByteArrayContent(Corpus(name))));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{name} took {clock.Elapsed}");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (NotXml.Contains(name))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.StartsWith("The BPMN file is declared as application/xml but ", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = problem["errors"]!.AsArray();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
        }
        Assert.Equal(before, await DefinitionCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("billion-laughs", "DTD")]
    [InlineData("deep-nesting", "nested deeper than 100 levels")]
    [InlineData("100000-elements", "more than 50000 elements")]
    [InlineData("huge-attribute", "attribute name is longer than 32768 characters")]
    [InlineData("latin1-without-declaration", "not valid utf-8 at byte")]
    [InlineData("unknown-encoding", "names an encoding")]
    public async Task Deploy_SaysWhyAHostileFileIsRefused(string name, string reason)
    {
        var (client, _) = await app.SignedInClientForRoleAsync("supervisor", language: "en"); // the messages asserted are English

        var response = await client.PostAsync("/api/definitions", Xml(new ByteArrayContent(Corpus(name))));

        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_Answers413_ForA50MegabyteFile_WithOrWithoutALength()
    {
        var (client, _) = await app.SignedInClientForRoleAsync("supervisor", language: "en"); // the messages asserted are English
        var before = await DefinitionCountAsync();
        var body = Utf8(Valid(new string('x', 50 * 1024 * 1024)));
        var clock = Stopwatch.StartNew();

        var withLength = await client.PostAsync("/api/definitions", Xml(new ByteArrayContent(body)));
        var chunked = await client.PostAsync("/api/definitions", Xml(new UnknownLengthContent(body)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Contains("at most 5242880 bytes", await chunked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(before, await DefinitionCountAsync());
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16-bom")]
    [InlineData("gb18030-declared")]
    public async Task Deploy_ReadsAFileInItsOwnEncoding_KeepingItsChineseNames(string encoding)
    {
        var (client, _) = await app.SignedInClientForRoleAsync("supervisor", language: "en"); // the messages asserted are English
        var xml = Valid("线索受理").Replace("hostile-ok", "hostile-" + encoding, StringComparison.Ordinal);
        byte[] body = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Utf8(xml)],
            "utf-16-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))],
            _ => CodePages().GetEncoding("GB18030")!.GetBytes(xml.Replace("UTF-8", "GB18030", StringComparison.Ordinal)),
        };

        var response = await client.PostAsync("/api/definitions", Xml(new ByteArrayContent(body)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = (await client.GetFromJsonAsync<List<JsonObject>>("/api/definitions"))!;
        Assert.Equal("线索受理", Assert.Single(list, d => d["key"]!.GetValue<string>() == "hostile-" + encoding)["name"]!.GetValue<string>());
    }

    private static EncodingProvider CodePages() => CodePagesEncodingProvider.Instance;

    private static HttpContent Xml(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return content;
    }

    private async Task<long> DefinitionCountAsync()
    {
        await using var db = await app.OpenConnectionAsync();
        return await db.ExecuteScalarAsync<long>("select count(*) from engine.definitions");
    }

    /// <summary>A body sent chunked, with no Content-Length for the server to refuse up front.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
