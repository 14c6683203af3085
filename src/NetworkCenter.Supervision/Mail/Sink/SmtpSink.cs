using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NetworkCenter.Supervision.Mail.Sink;

/// <summary>
/// An SMTP server on loopback (the SmtpServer library) that keeps every message it accepts in a
/// <see cref="SmtpSinkMailbox"/>. It stands in for the real server in Development and in tests, so mail still
/// travels the real protocol through MailKit.
/// </summary>
public sealed class SmtpSink(SmtpSinkMailbox mailbox, TimeProvider clock, ILogger<SmtpSink> logger) : IHostedService
{
    private CancellationTokenSource? _stopping;
    private Task? _running;

    public int Port { get; } = FreeLoopbackPort();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new SinkStore(mailbox, clock));
        var server = new SmtpServer.SmtpServer(options, services);
        _stopping = new CancellationTokenSource();
        _running = server.StartAsync(_stopping.Token);
        logger.LogInformation("SMTP sink listening on 127.0.0.1:{Port}; received mail is listed at /dev/mail", Port);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host can be stopped twice, even at once (a test fixture disposed synchronously and asynchronously):
        // only the first call stops the server.
        var stopping = Interlocked.Exchange(ref _stopping, null);
        var running = Interlocked.Exchange(ref _running, null);
        if (stopping is null || running is null)
        {
            return;
        }
        await stopping.CancelAsync();
        try
        {
            await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        stopping.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SinkStore(SmtpSinkMailbox mailbox, TimeProvider clock) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            mailbox.Add(clock.GetUtcNow(), $"{transaction.From?.User}@{transaction.From?.Host}", to, message);
            return SmtpResponse.Ok;
        }
    }
}
