using System.Buffers.Binary;
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
            ("note.txt", "text/plain; charset=utf-8", text),
            ("旧申请.doc", "application/msword", CompoundFile("WordDocument")),
            ("旧账目.xls", "application/octet-stream", CompoundFile("Workbook"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ClueTestData.Registered>())!.Id;
        var attachments = (await client.GetFromJsonAsync<JsonElement>($"/api/clues/{id}")).GetProperty("attachments");
        Assert.Equal(
            ["application/pdf", "image/png", "image/jpeg", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain", "application/msword", "application/vnd.ms-excel"],
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
        { "判决书.exe", "application/pdf", ClueTestData.Pdf },
        { "scan", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3] },
        { "photo.jpg", "application/pdf", ClueTestData.Pdf },
        { "note.txt", "application/x-msdownload", "申请书"u8.ToArray() },
        { "archive.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip("readme.txt") },
        { "macro.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip("word/document.xml", "word/vbaProject.bin") },
        { "sheet.doc", "application/msword", CompoundFile("Workbook") },
        { "macro.xls", "application/vnd.ms-excel", CompoundFile("Workbook", "_VBA_PROJECT_CUR") },
        { "other.doc", "application/msword", CompoundFile("Contents") },
    };

    /// <summary>The reason given for a refused file, after its name: what is wrong, not only that something is.</summary>
    [Theory]
    [InlineData("判决书.exe", "application/pdf", "pdf", "判决书.exe has the extension .exe, which is not accepted (accepted: .pdf, .jpg, .jpeg, .png, .doc, .docx, .xls, .xlsx, .txt)")]
    [InlineData("scan", "image/jpeg", "jpeg", "scan has no file extension (accepted: .pdf, .jpg, .jpeg, .png, .doc, .docx, .xls, .xlsx, .txt)")]
    [InlineData("photo.jpg", "application/pdf", "pdf", "photo.jpg is declared as application/pdf but its extension .jpg stands for image/jpeg")]
    [InlineData("page.pdf", "text/html", "pdf", "page.pdf is declared as text/html, which is not an accepted type")]
    [InlineData("fake.pdf", "application/octet-stream", "png", "fake.pdf is named .pdf (application/pdf) but its content is image/png")]
    [InlineData("macro.docx", "application/octet-stream", "macro-docx", "macro.docx contains macros, which are not accepted; save it without macros")]
    public async Task Register_NamesWhyAFileIsRefused(string name, string type, string content, string message)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.ClueAdministrator, language: "en"); // English messages
        using var _client = client;
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        byte[] bytes = content switch
        {
            "pdf" => ClueTestData.Pdf,
            "png" => ClueTestData.Png,
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3],
            _ => Zip("word/document.xml", "word/vbaProject.bin"),
        };

        var response = await client.PostAsync("/api/clues", ClueTestData.Multipart(clue, (name, type, bytes)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty("attachments[0]")[0].GetString());
    }

    [Fact]
    public async Task PortalSubmission_Returns400NamingTheFile_AndStoresNothing_WhenAFileIsARenamedExecutable()
    {
        var (liaison, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.Liaison, language: "en");
        using var _liaison = liaison;
        var clue = ClueTestData.Judgment(await ClueTestData.OfficeAsync(app));
        var before = await CountAsync();

        var response = await liaison.PostAsync("/api/portal/clues", ClueTestData.Multipart(clue,
            ("判决书.pdf", "application/pdf", ClueTestData.Pdf), ("判决书.pdf.exe", "application/pdf", [0x4D, 0x5A, 0x90, 0x00])));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("判决书.pdf.exe has the extension .exe", errors.GetProperty("attachments[1]")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Register_Returns400NamingTheFile_AndStoresNothing_WhenAFileIsEmptyOrNotWhatItSays(string name, string type, byte[] bytes)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.ClueAdministrator, language: "en"); // English messages
        using var _client = client;
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
        var (client, _) = await app.SignedInClientForRoleAsync(Supervision.Accounts.Roles.ClueAdministrator, language: "en"); // English messages
        using var _client = client;
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

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The smallest OLE compound file the check reads: the signature and a 512-byte sector size in the header, then
    /// a directory sector with the root entry and one entry per name (a Word file has WordDocument, Excel Workbook).
    /// </summary>
    private static byte[] CompoundFile(params string[] names)
    {
        var bytes = new byte[512 + 128 * (names.Length + 1) + 64];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(30), 9);
        foreach (var (name, i) in names.Prepend("Root Entry").Select((n, i) => (n, i)))
        {
            var entry = bytes.AsSpan(512 + 128 * i, 128);
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((name.Length + 1) * 2));
            entry[66] = (byte)(i == 0 ? 5 : name.StartsWith('_') || name == "Macros" ? 1 : 2);
        }
        return bytes;
    }

    private async Task<(long Clues, long Attachments)> CountAsync()
    {
        await using var connection = await app.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clues"),
            await connection.ExecuteScalarAsync<long>("select count(*) from supervision.clue_attachments"));
    }
}
