using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>Offices, liaisons and well-formed clues for the register's tests, written straight into the fixture's database.</summary>
public static class ClueTestData
{
    private static int _counter;

    public static async Task<long> OfficeAsync(NetworkCenterApp app, string kind = "liaison-office", bool active = true)
    {
        _ = app.Services; // starts the host, which migrates the database
        await using var connection = await app.OpenConnectionAsync();
        var n = Interlocked.Increment(ref _counter);
        return await connection.ExecuteScalarAsync<long>("""
            insert into supervision.offices (kind, name, host_unit_kind, host_unit, active, created_at, updated_at)
            values (@kind, @name, 'judicial-bureau', '县司法局', @active, now(), now()) returning id
            """, new { kind, name = $"测试联络室 {n} {Guid.NewGuid():N}", active });
    }

    public static async Task<long> LiaisonAsync(NetworkCenterApp app, long? officeId, string? email = null, bool active = true)
    {
        _ = app.Services;
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            insert into supervision.liaisons (name, unit, office_id, email, active, created_at, updated_at)
            values ('王联络', '县人大', @officeId, @email, @active, now(), now()) returning id
            """, new { officeId, email, active });
    }

    /// <summary>A resident ID number with a valid check digit, distinct per <paramref name="seed"/>.</summary>
    public static string ResidentId(int seed)
    {
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1301231980{seed % 1000000:000000}1");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public static string UniqueCaseNumber() => $"(2025)冀0123民初{Interlocked.Increment(ref _counter)}{Random.Shared.Next(100000)}号";

    /// <summary>A judgment-supervision clue whose case number and parties are unique unless given.</summary>
    public static Dictionary<string, object?> Judgment(long officeId, string? caseNumber = null, string court = "某县人民法院", string? partyName = null)
    {
        var n = Interlocked.Increment(ref _counter);
        return new()
        {
        ["sourceKind"] = "liaison-office",
        ["officeId"] = officeId,
        ["receivedAt"] = "2026-03-01T10:00:00+08:00",
        ["kind"] = "judgment-supervision",
        ["court"] = court,
        ["caseNumber"] = caseNumber ?? UniqueCaseNumber(),
        ["judgmentDate"] = "2025-11-20",
        ["judge"] = "李审判",
        ["summary"] = "一审判决认定事实不清，当事人申请监督。",
        ["amountInvolved"] = 125000.50m,
        ["parties"] = new[]
        {
            new Dictionary<string, object?> { ["role"] = "applicant", ["personKind"] = "natural", ["name"] = partyName ?? $"张某{n}", ["idNumber"] = partyName is null ? ResidentId(n) : null, ["phone"] = "13800000000" },
            new Dictionary<string, object?> { ["role"] = "respondent", ["personKind"] = "legal", ["name"] = $"某县棉纺厂{n}", ["idNumber"] = $"91130123MA0{n:0000000}" },
        },
        ["agents"] = new[] { new Dictionary<string, object?> { ["name"] = "赵律师", ["lawFirm"] = "某某律师事务所" } },
        };
    }

    public static MultipartFormDataContent Multipart(object clue, params (string Name, string ContentType, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(clue), Encoding.UTF8, "application/json"), "clue" },
        };
        foreach (var (name, type, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            content.Add(file, "files", name);
        }
        return content;
    }

    public static byte[] Pdf => "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A fresh judgment clue from <paramref name="officeId"/>, through the staff register or the liaison portal.</summary>
    public static Task<Registered> RegisterAsync(HttpClient client, long officeId, bool portal) =>
        RegisterAsync(client, Judgment(officeId), portal ? "/api/portal/clues" : "/api/clues");

    public static async Task<Registered> RegisterAsync(HttpClient client, object clue, string path = "/api/clues")
    {
        var response = await client.PostAsJsonAsync(path, clue);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<Registered>())!;
    }

    public sealed record Registered(long Id, string RegisterNumber);
}
