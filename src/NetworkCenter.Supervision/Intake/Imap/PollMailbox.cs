using Dapper;
using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NetworkCenter.Supervision.Intake.Imap;

/// <summary>
/// The Hangfire job that reads the intake mailbox. Messages are taken in UID order, each in its own transaction that
/// creates the draft, records the message and advances the mailbox's high-water mark together: a poll that fails after
/// some messages has committed exactly those, and the next one starts after them. A changed UIDVALIDITY resets the mark
/// and re-reads the folder, skipping messages already taken by their Message-Id. Marking a message seen comes after the
/// commit and is only a courtesy to people reading the mailbox; the mark in the database is what counts.
/// </summary>
internal sealed class PollMailbox(NpgsqlDataSource dataSource, TimeProvider clock, IOptions<ImapIntakeOptions> options, ILogger<PollMailbox> logger)
{
    public const string RecurringJobId = "intake-imap-poll";

    public sealed record Result(int Taken, int Duplicates, bool UidValidityChanged);

    private sealed record Mark(long UidValidity, long LastUid);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)] // the next scheduled poll is the retry
    public Task<Result> RunAsync(CancellationToken cancellationToken) => PollAsync(afterCommit: null, cancellationToken);

    // afterCommit runs after each message's transaction commits: tests fail a poll half-way through with it.
    internal async Task<Result> PollAsync(Func<uint, Task>? afterCommit, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new Result(0, 0, false);
        }
        using var client = new ImapClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
        await client.AuthenticateAsync(settings.Username ?? "", settings.Password ?? "", cancellationToken);
        var folder = await client.GetFolderAsync(settings.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var mailbox = $"{settings.Username}@{settings.Host}:{settings.Port}/{settings.Folder}";
        var (mark, changed) = await MarkAsync(mailbox, folder.UidValidity, cancellationToken);
        if (changed)
        {
            logger.LogWarning("UIDVALIDITY of {Mailbox} is now {UidValidity}: reading the folder again, skipping messages already taken",
                mailbox, folder.UidValidity);
        }
        // "n:*" always matches the last message even below n, so the mark is checked again here.
        var uids = (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)mark.LastUid + 1), UniqueId.MaxValue)), cancellationToken))
            .Where(uid => uid.Id > mark.LastUid).OrderBy(uid => uid.Id).Take(settings.MaxMessagesPerPoll).ToList();
        int taken = 0, duplicates = 0;
        foreach (var uid in uids)
        {
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            if (await TakeAsync(mailbox, folder.UidValidity, uid.Id, message, cancellationToken) is { } isNew)
            {
                if (isNew) taken++; else duplicates++;
            }
            if (afterCommit is not null) await afterCommit(uid.Id);
            try
            {
                await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
            }
            catch (Exception e) when (e is ImapCommandException or ImapProtocolException)
            {
                logger.LogInformation(e, "Could not mark message {Uid} of {Mailbox} as seen; it is taken all the same", uid.Id, mailbox);
            }
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        if (taken + duplicates > 0)
        {
            logger.LogInformation("Mailbox {Mailbox}: {Taken} new draft clues, {Duplicates} messages already taken", mailbox, taken, duplicates);
        }
        return new Result(taken, duplicates, changed);
    }

    private async Task<(Mark Mark, bool Changed)> MarkAsync(string mailbox, uint uidValidity, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUniversalTime();
        var stored = await connection.QuerySingleOrDefaultAsync<Mark>(
            "select uid_validity as UidValidity, last_uid as LastUid from supervision.intake_mailboxes where mailbox = @mailbox", new { mailbox });
        if (stored is not null && stored.UidValidity == uidValidity)
        {
            return (stored, false);
        }
        await connection.ExecuteAsync("""
            insert into supervision.intake_mailboxes (mailbox, uid_validity, last_uid, updated_at) values (@mailbox, @uidValidity, 0, @now)
            on conflict (mailbox) do update set uid_validity = excluded.uid_validity, last_uid = 0, updated_at = excluded.updated_at
            where intake_mailboxes.uid_validity <> excluded.uid_validity
            """, new { mailbox, uidValidity = (long)uidValidity, now });
        return (new Mark(uidValidity, 0), stored is not null);
    }

    /// <summary>True when a draft was made, false for a message taken before, null when another poll got here first.</summary>
    private async Task<bool?> TakeAsync(string mailbox, uint uidValidity, uint uid, MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var mark = await connection.QuerySingleAsync<Mark>("""
            select uid_validity as UidValidity, last_uid as LastUid from supervision.intake_mailboxes where mailbox = @mailbox for update
            """, new { mailbox }, transaction);
        if (mark.UidValidity != uidValidity || mark.LastUid >= uid)
        {
            return null;
        }
        var key = DraftFromMessage.KeyOf(message);
        var known = await connection.ExecuteScalarAsync<bool>(
            "select exists (select 1 from supervision.intake_messages where message_key = @key and clue_id is not null)", new { key }, transaction);
        long? clueId = known ? null : await DraftFromMessage.CreateAsync(connection, transaction, message, now, cancellationToken);
        await connection.ExecuteAsync("""
            insert into supervision.intake_messages (mailbox, uid_validity, uid, message_key, clue_id, sender, subject, taken_at)
            values (@mailbox, @uidValidity, @uid, @key, @clueId, @sender, @subject, @now);
            update supervision.intake_mailboxes set last_uid = @uid, updated_at = @now where mailbox = @mailbox;
            """, new
            {
                mailbox, uidValidity = (long)uidValidity, uid = (long)uid, key, clueId,
                sender = message.From.Mailboxes.FirstOrDefault()?.Address, subject = message.Subject, now,
            }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return !known;
    }
}
