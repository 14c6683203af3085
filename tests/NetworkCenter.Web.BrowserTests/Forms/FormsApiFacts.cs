using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NetworkCenter.Web.BrowserTests.Forms;

/// <summary>The form files API behind the form editor and the inbox: safe names, size limit, JSON check, ETags.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsApiFacts(BrowserTestServer app)
{
    private const string Schema = """{ "type": "default", "components": [ { "type": "textfield", "key": "opinion", "label": "意见" } ] }""";

    [Fact]
    public async Task Put_CreatesOnce_ThenNeedsTheCurrentETag()
    {
        using var client = await app.ApiClientAsync();

        var created = await PutAsync(client, "/api/forms/api-facts.form", Schema, ifNoneMatch: true);
        var again = await PutAsync(client, "/api/forms/api-facts.form", Schema, ifNoneMatch: true);
        var read = await client.GetAsync("/api/forms/api-facts.form");
        var etag = read.Headers.ETag!.ToString();
        var stale = await PutAsync(client, "/api/forms/api-facts.form", Schema, ifMatch: "\"0000\"");
        var current = await PutAsync(client, "/api/forms/api-facts.form", Schema, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Contains("意见", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var list = await client.GetFromJsonAsync<FormSummary[]>("/api/forms");
        Assert.Contains(list!, f => f.Name == "api-facts.form");
    }

    [Theory]
    [InlineData("Upper.form")]
    [InlineData("no-extension")]
    [InlineData("..%2Fescape.form")]
    [InlineData("dot.dot.form")]
    public async Task Put_Refuses_NamesOutsideThePattern(string name)
    {
        using var client = await app.ApiClientAsync();

        var response = await PutAsync(client, $"/api/forms/{name}", Schema);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{name}: {response.StatusCode}");
        Assert.False(File.Exists(Path.Combine(app.FormsFolder, "..", "escape.form")));
    }

    [Fact]
    public async Task Put_Refuses_InvalidJson_NonForms_AndOversizedFiles()
    {
        using var client = await app.ApiClientAsync();

        var broken = await PutAsync(client, "/api/forms/broken.form", "{ \"components\": [");
        var notAForm = await PutAsync(client, "/api/forms/not-a-form.form", """{ "type": "default" }""");
        var huge = await PutAsync(client, "/api/forms/huge.form",
            $$"""{ "components": [], "padding": "{{new string('x', 300 * 1024)}}" }""");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.FormsFolder, "huge.form")));
    }

    public static TheoryData<string, byte[]> HostileForms() => new()
    {
        { "deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)) },
        { "invalid-utf8", [.. "{ \"components\": [], \"title\": \""u8.ToArray(), 0xFF, 0xFE, .. "\" }"u8.ToArray()] },
        { "bad-pattern", Encoding.UTF8.GetBytes("""{ "components": [ { "type": "textfield", "key": "a", "validate": { "pattern": "(" } } ] }""") },
        { "not-an-object", Encoding.UTF8.GetBytes("[1, 2, 3]") },
        { "bom-only", [0xEF, 0xBB, 0xBF] },
    };

    [Theory]
    [MemberData(nameof(HostileForms))]
    public async Task Put_RefusesAHostileForm_With400_AndWritesNothing(string name, byte[] body)
    {
        using var client = await app.ApiClientAsync();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PutAsync($"/api/forms/hostile-{name}.form", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["title"]?.GetValue<string>()));
        Assert.False(File.Exists(Path.Combine(app.FormsFolder, $"hostile-{name}.form")));
    }

    [Fact]
    public async Task Get_Returns404ProblemDetails_ForAMissingForm()
    {
        using var client = await app.ApiClientAsync();

        var response = await client.GetAsync("/api/forms/missing.form");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, string? ifMatch = null, bool ifNoneMatch = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        }
        return client.SendAsync(request);
    }

    private sealed record FormSummary(string Name, long Size, DateTimeOffset Modified);
}
