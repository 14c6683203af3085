using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkCenter.Testing;
using Serilog.Core;
using Serilog.Events;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>A host whose log is captured by a sink in its own container.</summary>
public sealed class CapturedLogApp : NetworkCenterApp
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(new Capture(Events)));
    }

    private sealed class Capture(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

/// <summary>
/// Test classes run their hosts in parallel in one process, and a deployment may too: no host's log may depend on
/// another's. Serilog's static <c>Log.Logger</c> was shared by them all (OutageLogFacts missed its lines when it ran
/// beside the other Hosting tests), so this starts and stops a second host before the first one logs.
/// </summary>
public sealed class HostLoggerFacts
{
    [Fact]
    public async Task AHost_LogsToItsOwnSinks_AfterAnotherHostStartedAndStopped()
    {
        await using var first = new CapturedLogApp();
        await first.InitializeAsync();
        _ = first.Services;
        var second = new CapturedLogApp();
        await second.InitializeAsync();
        _ = second.Services;
        await second.DisposeAsync();

        // A logger created now, as the host creates its lazily resolved services' loggers during requests.
        first.Service<ILoggerFactory>().CreateLogger("NetworkCenter.Tests.HostLoggerProbe").LogWarning("probe of the first host");

        Assert.Single(first.Events, e => e.MessageTemplate.Text == "probe of the first host");
        Assert.DoesNotContain(second.Events, e => e.MessageTemplate.Text == "probe of the first host");
    }
}
