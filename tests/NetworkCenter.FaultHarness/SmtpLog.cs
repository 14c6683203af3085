using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NetworkCenter.FaultHarness;

/// <summary>One message the harness's SMTP server accepted: the witness that an email was delivered.</summary>
internal sealed record Accepted(string MessageId, DateTimeOffset At);

/// <summary>
/// An SMTP server on loopback (the SmtpServer library, as the service's development sink) that outlives every service
/// process and logs the Message-Id of every message it accepts, with the instant it answered 250.
/// </summary>
internal sealed class SmtpLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<Accepted> _accepted = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _running;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpLog()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new LogStore(accepted =>
        {
            _accepted.Enqueue(accepted);
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stopping.Token);
    }

    public int Port { get; }

    public IReadOnlyList<Accepted> Accepted => [.. _accepted];

    /// <summary>Completes when the server next accepts a message, just before it answers 250.</summary>
    public Task NextAcceptanceAsync() => Volatile.Read(ref _next).Task;

    /// <summary>The settings that point a service process at this server.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    private sealed class LogStore(Action<Accepted> accept) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            accept(new Accepted(message.MessageId ?? "(no Message-Id)", DateTimeOffset.UtcNow));
            return SmtpResponse.Ok;
        }
    }
}
