using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hangfire;
using MailKit;
using MimeKit;
using NetworkCenter.Supervision.Intake.Imap;
using NetworkCenter.Supervision.Tests.Clues;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Intake;

/// <summary>
/// Against a real dovecot on loopback. The tests of this class share one mailbox and run one after another, so each
/// asserts on the messages it delivered itself. The class runs alone: Hangfire keeps its job activator in static state,
/// so with several hosts in one process a worker may build the job from another test's container (HangfireIO/Hangfire
/// #2151), where the intake is off.
/// </summary>
[Collection(HangfireAloneCollection.Name)]
public sealed class ImapIntakeFacts(ImapIntakeApp app) : IClassFixture<ImapIntakeApp>
{
    [Fact]
    public async Task Message_BecomesADraftClue_WithItsAttachments_MatchedToTheLiaisonBySender()
    {
        var office = await ClueTestData.OfficeAsync(app);
        var liaison = await ClueTestData.LiaisonAsync(app, office, email: "Wang.Liaison@example.cn");
        var message = Message("wang.liaison@example.cn", "某县棉纺厂排污问题", "棉纺厂夜间向河道排放污水。<b>附照片</b>");
        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "棉纺厂夜间向河道排放污水。<b>附照片</b>" },
            Attachment("现场.png", "image/png", ClueTestData.Png),
            Attachment("报告.pdf", "application/pdf", ClueTestData.Pdf),
            Attachment("tool.exe", "application/octet-stream", [0x4D, 0x5A, 0x90, 0x00]),
        };
        message.Body = body;
        await DeliverAsync(message);

        var result = await PollAsync();

        Assert.Equal(1, result.Taken);
        var clueId = await ClueIdOfAsync(message.MessageId);
        using var admin = await app.SignedInClientAsync();
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("registerNumber").ValueKind);
        Assert.Equal("email", draft.GetProperty("sourceKind").GetString());
        Assert.Equal(liaison, draft.GetProperty("liaisonId").GetInt64());
        Assert.Equal(office, draft.GetProperty("officeId").GetInt64());
        Assert.Equal("某县棉纺厂排污问题\n\n棉纺厂夜间向河道排放污水。<b>附照片</b>", draft.GetProperty("summary").GetString());
        Assert.Equal(["现场.png", "报告.pdf"], draft.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        Assert.Contains("tool.exe", draft.GetProperty("history")[0].GetProperty("note").GetString(), StringComparison.Ordinal);

        var confirm = await admin.PostAsJsonAsync($"/api/clues/{clueId}/confirm", new { kind = "public-interest", publicInterestArea = "pollution" });

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmed = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}");
        Assert.Equal("registered", confirmed.GetProperty("status").GetString());
        Assert.Matches(@"^2026-\d{4}$", confirmed.GetProperty("registerNumber").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/clues/{clueId}/confirm", new { kind = "public-interest", publicInterestArea = "pollution" })).StatusCode);
    }

    [Fact]
    public async Task Confirm_Returns400NamingTheKind_WhenTheDraftHasNone()
    {
        var message = Message("stranger@example.org", "没有分类的线索", "内容");
        await DeliverAsync(message);
        await PollAsync();
        var clueId = await ClueIdOfAsync(message.MessageId);
        using var admin = await app.SignedInClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/clues/{clueId}/confirm", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _));
        var draft = await admin.GetFromJsonAsync<JsonElement>($"/api/clues/{clueId}");
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("liaisonId").ValueKind);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SecondPoll_TakesNothingAgain()
    {
        await DeliverAsync(Message("a@example.org", "一", "1"), Message("b@example.org", "二", "2"));
        var first = await PollAsync();

        var second = await PollAsync();

        Assert.Equal(2, first.Taken);
        Assert.Equal(new PollMailbox.Result(0, 0, false), second);
    }

    [Fact]
    public async Task PollInterruptedHalfWay_LosesAndRepeatsNothing_WhenResumed()
    {
        var messages = Enumerable.Range(1, 4).Select(i => Message($"m{i}@example.org", $"中断测试 {i}", $"正文 {i}")).ToArray();
        await DeliverAsync(messages);
        var calls = 0;

        var failure = await Assert.ThrowsAsync<IOException>(() => app.Service<PollMailbox>().PollAsync(_ =>
            ++calls == 1 ? Task.CompletedTask : throw new IOException("connection lost after the second message"), CancellationToken.None));
        var taken = await TakenAsync(messages);
        var resumed = await PollAsync();

        Assert.Equal("connection lost after the second message", failure.Message);
        Assert.Equal(2, taken.Count);
        Assert.Equal(2, resumed.Taken);
        var all = await TakenAsync(messages);
        Assert.Equal(4, all.Count);
        Assert.Equal(4, all.Distinct().Count());
        Assert.Equal(0, (await PollAsync()).Taken);
    }

    [Fact]
    public async Task UidValidityChange_ReadsTheFolderAgain_ButTakesEachMessageIdOnce()
    {
        var before = new[] { Message("x@example.org", "旧一", "1"), Message("y@example.org", "旧二", "2") };
        await DeliverAsync(before);
        await PollAsync();
        using (var client = await app.Dovecot.ConnectAsync())
        {
            var folder = await client.GetFolderAsync(ImapIntakeApp.Folder);
            var oldValidity = (await app.OpenFolderAsync(client)).UidValidity;
            await folder.CloseAsync();
            await folder.DeleteAsync();
            await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(ImapIntakeApp.Folder, isMessageFolder: true);
            var recreated = await app.OpenFolderAsync(client);
            Assert.NotEqual(oldValidity, recreated.UidValidity);
        }
        var after = Message("z@example.org", "新", "3");
        await DeliverAsync([.. before, after]);

        var result = await PollAsync();

        Assert.Equal(new PollMailbox.Result(1, 2, true), result);
        Assert.Equal(3, (await TakenAsync([.. before, after])).Count);
        await using var connection = await app.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "select count(*) from supervision.intake_messages where message_key = any(@keys) and clue_id is null",
            new { keys = before.Select(m => m.MessageId).ToArray() }));
    }

    [Fact]
    public async Task RecurringJob_IsScheduled_AndTakesMessagesWhenHangfireRunsIt()
    {
        var message = Message("job@example.org", "定时任务", "由 Hangfire 轮询");
        await DeliverAsync(message);

        app.Service<IRecurringJobManager>().Trigger(PollMailbox.RecurringJobId);

        try
        {
            await Eventually.HoldsAsync(async () => (await TakenAsync(message)).Count == 1, "the Hangfire poll to take the message", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            await using var connection = await app.OpenConnectionAsync();
            var jobs = await connection.QueryAsync<string>("select j.id || ' ' || coalesce(j.statename, '-') || ' ' || coalesce(s.reason, '') || ' ' || coalesce(s.data::text, '') from hangfire.job j left join hangfire.state s on s.id = j.stateid order by j.id");
            throw new TimeoutException($"{e.Message}; Hangfire jobs: {string.Join(" | ", jobs)}", e);
        }
    }

    private Task<PollMailbox.Result> PollAsync() => app.Service<PollMailbox>().RunAsync(CancellationToken.None);

    private async Task DeliverAsync(params MimeMessage[] messages)
    {
        using var client = await app.Dovecot.ConnectAsync();
        var folder = await app.OpenFolderAsync(client);
        foreach (var message in messages)
        {
            await folder.AppendAsync(new AppendRequest(message));
        }
    }

    private async Task<long> ClueIdOfAsync(string? messageId)
    {
        await using var connection = await app.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select clue_id from supervision.intake_messages where message_key = @messageId and clue_id is not null", new { messageId });
    }

    private async Task<List<long>> TakenAsync(params MimeMessage[] messages)
    {
        await using var connection = await app.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>("""
            select c.id from supervision.intake_messages m join supervision.clues c on c.id = m.clue_id where m.message_key = any(@keys)
            """, new { keys = messages.Select(m => m.MessageId).ToArray() })];
    }

    private static MimeMessage Message(string from, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text }, Date = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("clues@procuratorate.example"));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        return message;
    }

    private static MimePart Attachment(string name, string type, byte[] bytes) => new(ContentType.Parse(type))
    {
        Content = new MimeContent(new MemoryStream(bytes)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = name,
    };
}

/// <summary>
/// Test classes that must not share the process with other hosts while they run (Hangfire activating jobs from their
/// own host, load tests): run after the parallel ones, one by one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireAloneCollection
{
    public const string Name = "Hangfire jobs activated from this host";
}
