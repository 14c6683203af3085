using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Supervision.Mail.Sink;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Procedures;

public sealed record OpenTask(Guid Id, Guid InstanceId, string ElementId, string? Name, string? Assignee, string[] CandidateGroups, DateTimeOffset? Due, string? FormKey);

public sealed record Person(string Username, string Password, long StaffId, string Name, string Email);

/// <summary>Drives procedures through the HTTP API as the people who work them, on the manual clock.</summary>
public sealed class ProcedureDriver(NetworkCenterApp app, HttpClient admin)
{
    private HttpClient _admin = admin;

    private static int _counter;

    /// <summary>Signed in as admin; signed in again after every clock advance, which outlives the session.</summary>
    public HttpClient Admin => _admin;

    public static async Task<ProcedureDriver> CreateAsync(NetworkCenterApp app) => new(app, await app.SignedInClientAsync());

    /// <summary>A staff member holding <paramref name="role"/>, with a name, telephone and email address of their own.</summary>
    public async Task<Person> StaffAsync(string role, string? language = null)
    {
        var account = await app.CreateAccountAsync(role);
        var n = Interlocked.Increment(ref _counter);
        var email = $"{account.Username}@procuratorate.example.cn";
        await using var connection = await app.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            update supervision.staff set name = @name, phone = @phone, email = @email where id = @StaffId;
            update supervision.accounts set email = @email, language = @language where id = @AccountId;
            """, new { name = $"检察官{n}", phone = $"0311-555{n:0000}", email, account.StaffId, account.AccountId, language = language ?? "zh-CN" });
        return new Person(account.Username, account.Password, account.StaffId!.Value, $"检察官{n}", email);
    }

    /// <summary>A liaison of an office, with an email address and a language.</summary>
    public async Task<(long Id, string Email, long OfficeId)> LiaisonAsync(string language = "zh-CN")
    {
        var officeId = await ClueTestData.OfficeAsync(app);
        var n = Interlocked.Increment(ref _counter);
        var email = $"liaison{n}-{Guid.NewGuid():N}@example.cn";
        await using var connection = await app.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            insert into supervision.liaisons (name, unit, office_id, email, language, active, created_at, updated_at)
            values (@name, '县人大', @officeId, @email, @language, true, now(), now()) returning id
            """, new { name = language == "en" ? $"Liaison {n}" : $"王联络{n}", officeId, email, language });
        return (id, email, officeId);
    }

    /// <summary>Registers a clue from the liaison through the register's API; the intake procedure starts by itself.</summary>
    public async Task<(long Id, string RegisterNumber)> RegisterClueAsync(long liaisonId, long officeId, string kind = "judgment-supervision",
        Action<Dictionary<string, object?>>? change = null)
    {
        var clue = ClueTestData.Judgment(officeId);
        change?.Invoke(clue);
        clue["sourceKind"] = "liaison";
        clue["liaisonId"] = liaisonId;
        clue["kind"] = kind;
        var response = await _admin.PostAsJsonAsync("/api/clues", clue);
        await EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((long)body["id"]!, (string)body["registerNumber"]!);
    }

    /// <summary>A liaison who can sign in, in the argumentation group, with an email address.</summary>
    public async Task<(TestAccount Account, string Email)> SigningLiaisonAsync(string language = "zh-CN")
    {
        var account = await app.CreateAccountAsync(Roles.Liaison);
        var email = $"{account.Username}@liaison.example.cn";
        await using var connection = await app.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "update supervision.liaisons set email = @email, language = @language, groups = '{argumentation}', expertise = '{civil}' where id = @LiaisonId",
            new { email, language, account.LiaisonId });
        return (account, email);
    }

    public async Task<Guid> StartAsync(string definitionKey, string businessKey, object variables)
    {
        var response = await _admin.PostAsJsonAsync("/api/instances", new { definitionKey, businessKey, variables });
        await EnsureAsync(response, HttpStatusCode.Created);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
    }

    /// <summary>The open task <paramref name="elementId"/> of the clue, in whichever (called) instance it is.</summary>
    public Task<OpenTask> TaskAsync(long clueId, string elementId) =>
        Eventually.ReturnsAsync(() => FindTaskAsync(clueId, elementId), $"an open task {elementId} for clue {clueId}", TimeSpan.FromSeconds(30));

    public async Task<OpenTask?> FindTaskAsync(long clueId, string elementId)
    {
        var tasks = (await _admin.GetFromJsonAsync<List<OpenTask>>("/api/tasks?limit=500"))!;
        foreach (var task in tasks.Where(t => t.ElementId == elementId))
        {
            if (await ClueOfAsync(task.InstanceId) == clueId)
            {
                return task;
            }
        }
        return null;
    }

    public async Task<long?> ClueOfAsync(Guid instanceId)
    {
        var instance = await _admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
        return instance?["variables"]?["clueId"] is JsonValue v ? (long)v.GetValue<double>() : null;
    }

    public Task<HttpResponseMessage> TryCompleteAsync(HttpClient client, Guid taskId, object variables) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });

    public async Task CompleteAsync(HttpClient client, OpenTask task, object variables) =>
        await EnsureAsync(await TryCompleteAsync(client, task.Id, variables), HttpStatusCode.NoContent);

    public Task CompleteAsync(OpenTask task, object variables) => CompleteAsync(_admin, task, variables);

    /// <summary>A fresh client signed in as <paramref name="person"/> (sessions do not outlive clock advances).</summary>
    public Task<HttpClient> AsAsync(Person person) => app.SignedInClientAsync(person.Username, person.Password);

    public async Task<DateTimeOffset> AdvanceAsync(string by)
    {
        var response = await _admin.PostAsJsonAsync("/api/clock/advance", new { by });
        await EnsureAsync(response, HttpStatusCode.OK);
        _admin.Dispose();
        _admin = await app.SignedInClientAsync();
        return (DateTimeOffset)(await response.Content.ReadFromJsonAsync<JsonObject>())!["now"]!;
    }

    public async Task<DateTimeOffset> NowAsync() => (DateTimeOffset)(await _admin.GetFromJsonAsync<JsonObject>("/api/clock"))!["now"]!;

    /// <summary>The mail the sink received for <paramref name="address"/> whose subject contains <paramref name="subject"/>.</summary>
    public Task<ReceivedMail> MailAsync(string address, string subject) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Mails(address).FirstOrDefault(m => (m.Message.Subject ?? "").Contains(subject, StringComparison.Ordinal))),
            $"mail to {address} about '{subject}'", TimeSpan.FromSeconds(30));

    public IReadOnlyList<ReceivedMail> Mails(string address) =>
        [.. app.Service<SmtpSinkMailbox>().Messages.Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Outbox rows (decided mail, sent or not) for <paramref name="address"/> from <paramref name="template"/>.</summary>
    public async Task<int> OutboxCountAsync(string address, string template)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "select count(*) from supervision.mail_outbox where lower(recipient_address) = lower(@address) and template = @template",
            new { address, template });
    }

    public async Task<string> ClueStatusAsync(long clueId)
    {
        await using var connection = await app.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<string>("select status from supervision.clues where id = @clueId", new { clueId }))!;
    }

    public async Task<JsonObject> InstanceAsync(Guid id) => (await _admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string[] AllRoles => [.. Roles.Staff];
}
