using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Workflows;

/// <summary>BPMN and form files are refused by what their bytes are, not only by the type the client declares.</summary>
public sealed class UploadContentFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    public static TheoryData<string, byte[], string> NotBpmn => new()
    {
        { "application/xml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "The BPMN file is declared as application/xml but is not UTF-8 text." },
        { "text/xml", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "The BPMN file is declared as text/xml but its content is not XML." },
        { "application/xml", "<?xml version=\"1.0\"?>\0<x/>"u8.ToArray(), "The BPMN file is declared as application/xml but its content is not XML." },
    };

    [Theory]
    [MemberData(nameof(NotBpmn))]
    public async Task Deploy_Returns415NamingWhy_AndDeploysNothing_WhenTheBytesAreNotXml(string type, byte[] bytes, string title)
    {
        var (admin, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.Supervisor, language: "en"); // English titles
        using var _admin = admin;
        var before = await DefinitionCountAsync();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        var response = await admin.PostAsync("/api/definitions", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(before, await DefinitionCountAsync());
    }

    [Theory]
    [InlineData("text/html", "Send upload-check.form as application/json (a form-js schema), not text/html.")]
    [InlineData("multipart/form-data; boundary=x", "Send upload-check.form as application/json (a form-js schema), not multipart/form-data; boundary=x.")]
    public async Task SaveForm_Returns415NamingTheFormAndType_AndSavesNothing_WhenNotSentAsJson(string type, string title)
    {
        var (admin, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.Supervisor, language: "en"); // English titles
        using var _admin = admin;
        using var content = new StringContent("""{ "components": [] }""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);

        var response = await admin.PutAsync("/api/forms/upload-check.form", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/forms/upload-check.form")).StatusCode);
    }

    private async Task<long> DefinitionCountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from engine.definitions");
    }
}
