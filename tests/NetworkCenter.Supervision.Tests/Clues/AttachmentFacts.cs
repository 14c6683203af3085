using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

public sealed class AttachmentFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Register_StoresEveryAcceptedType_InTheDatabase_AndServesItBack()
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var docx = Zip("word/document.xml");
        var text = Encoding.UTF8.GetBytes("申请书：一审判决有误。\r\n");

        var response = await client.PostAsync("/api/clues", ClueTestData.Multipart(clue,
            ("判决书.pdf", "application/pdf", ClueTestData.Pdf),
            ("photo.png", "image/png", ClueTestData.Png),
            ("scan.jpg", "application/octet-stream", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]),
            ("申请.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
            ("账目.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip("xl/workbook.xml")),
            ("note.txt", "text/plain; charset=utf-8", text)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!.Id;
        var attachments = (await client.GetFromJsonAsync<JsonElement>($"/api/clues/{id}")).GetProperty("attachments");
        Assert.Equal(
            ["application/pdf", "image/png", "image/jpeg", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"],
            attachments.EnumerateArray().Select(a => a.GetProperty("contentType").GetString()));
        Assert.Equal("判决书.pdf", attachments[0].GetProperty("fileName").GetString());
        var download = await client.GetAsync($"/api/clues/{id}/attachments/{attachments[3].GetProperty("id").GetInt64()}");
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(text, await client.GetByteArrayAsync($"/api/clues/{id}/attachments/{attachments[5].GetProperty("id").GetInt64()}"));
    }

    public static TheoryData<string, string, byte[]> RefusedFiles => new()
    {
        { "empty.pdf", "application/pdf", [] },
        { "fake.pdf", "application/pdf", ClueTestData.Png },
        { "fake.png", "image/png", ClueTestData.Pdf },
        { "program.exe", "application/octet-stream", [0x4D, 0x5A, 0x90, 0x00] },
        { "binary.txt", "text/plain", [0x41, 0x00, 0x42] },
        { "sheet.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip("xl/workbook.xml") },
        { "page.html", "text/html", "<html></html>"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Register_Returns400NamingTheFile_AndStoresNothing_WhenAFileIsEmptyOrNotWhatItSays(string name, string type, byte[] bytes)
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var before = await CountAsync();

        var response = await client.PostAsync("/api/clues", ClueTestData.Multipart(clue, ("good.pdf", "application/pdf", ClueTestData.Pdf), (name, type, bytes)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith(name, errors.GetProperty("attachments[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("attachments[0]", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_Returns400NamingTheFile_AndStoresNothing_WhenAFileIsLargerThan20MB()
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var big = new byte[20 * 1024 * 1024 + 1];
        ClueTestData.Pdf.CopyTo(big, 0);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/clues", ClueTestData.Multipart(clue, ("big.pdf", "application/pdf", big)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attachments[0]")[0].GetString();
        Assert.Equal("big.pdf is larger than the 20 MB limit", message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Register_AcceptsAFileOfExactly20MB()
    {
        using var client = await app.SignedInClientAsync();
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var limit = new byte[20 * 1024 * 1024];
        ClueTestData.Pdf.CopyTo(limit, 0);

        var response = await client.PostAsync("/api/clues", ClueTestData.Multipart(clue, ("limit.pdf", "application/pdf", limit)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_Returns400_WhenTheMultipartHasNoCluePart()
    {
        using var client = await app.SignedInClientAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(ClueTestData.Pdf), "files", "a.pdf" } };

        var response = await client.PostAsync("/api/clues", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("clue", out _));
    }

    private static byte[] Zip(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }
        return buffer.ToArray();
    }

    private async Task<(long Clues, long Attachments)> CountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clues"),
            await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clue_attachments"));
    }
}
