using MailKit;
using MailKit.Net.Imap;
using Microsoft.AspNetCore.Hosting;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Intake;

/// <summary>The web host polling a dovecot of its own (folder <see cref="Folder"/>), with the poll's schedule set to never: tests poll explicitly.</summary>
public sealed class ImapIntakeApp : NetworkCenterApp
{
    public const string Folder = "Clues";

    private DovecotServer? _dovecot;

    public DovecotServer Dovecot => _dovecot ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _dovecot = await DovecotServer.StartAsync();
        using var client = await _dovecot.ConnectAsync();
        await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(Folder, isMessageFolder: true);
    }

    public async Task<IMailFolder> OpenFolderAsync(ImapClient client)
    {
        var folder = await client.GetFolderAsync(Folder);
        await folder.OpenAsync(FolderAccess.ReadWrite);
        return folder;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Intake:Imap:Host", "127.0.0.1");
        builder.UseSetting("Intake:Imap:Port", Dovecot.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Intake:Imap:Security", "None");
        builder.UseSetting("Intake:Imap:Username", DovecotServer.Username);
        builder.UseSetting("Intake:Imap:Password", DovecotServer.Password);
        builder.UseSetting("Intake:Imap:Folder", Folder);
        builder.UseSetting("Intake:Imap:PollCron", Hangfire.Cron.Never());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dovecot is not null)
        {
            await _dovecot.DisposeAsync();
        }
    }
}
