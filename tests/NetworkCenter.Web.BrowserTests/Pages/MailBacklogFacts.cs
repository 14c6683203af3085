using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace NetworkCenter.Web.BrowserTests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class MailBacklogFacts(BrowserTestServer app)
{
    [Fact]
    public async Task HomePage_ShowsTheMailBacklog_WithTheLastErrorAndTheNextAttempt()
    {
        var subject = $"积压测试 {Guid.NewGuid():N}";
        await using (var connection = await app.OpenConnectionAsync())
        {
            // A message the SMTP server refused twice, next tried in a year: it stays in the backlog for this test.
            await using var insert = new NpgsqlCommand("""
                insert into supervision.mail_outbox (idempotency_key, message_id, recipient_address, language, template, data, subject,
                    text_body, attempts, last_error, next_attempt_at, created_at)
                values (@key, @key || '@networkcenter', 'liaison.backlog@example.cn', 'zh-CN', 'progress-feedback', '{}', @subject,
                    '正文', 2, 'Connection refused 127.0.0.1:25', now() + interval '1 year', now())
                """, connection);
            insert.Parameters.AddWithValue("key", $"browser-backlog:{Guid.NewGuid():N}");
            insert.Parameters.AddWithValue("subject", subject);
            await insert.ExecuteNonQueryAsync();
        }
        var page = await app.SignedInPageAsync();

        var backlog = page.GetByRole(AriaRole.Region, new() { Name = "邮件发件箱" });
        var row = backlog.Locator("tr", new() { HasText = subject });
        await Expect(row).ToContainTextAsync("liaison.backlog@example.cn");
        await Expect(row).ToContainTextAsync("Connection refused 127.0.0.1:25");
        await Expect(backlog.Locator("[data-count=failing]")).Not.ToHaveTextAsync("0");
        await Expect(backlog.GetByText("今日已送达")).ToBeVisibleAsync();
        await BrowserTestServer.ScreenshotAsync(page, "mail-backlog");
        await page.Context.CloseAsync();
    }
}
