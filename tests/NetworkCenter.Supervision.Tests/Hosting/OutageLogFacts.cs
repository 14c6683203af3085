using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NetworkCenter.Testing;
using NetworkCenter.Workflows.Time;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace NetworkCenter.Supervision.Tests.Hosting;

/// <summary>
/// The outage host with everything it logs captured. The host logs through Serilog, which writes to the sinks in its
/// container rather than to logger providers, so the capture is a sink.
/// </summary>
public sealed class OutageLogApp : DatabaseOutageApp
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Override:NetworkCenter.Web.Http", "Information");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(new Capture(Events)));
    }

    private sealed class Capture(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

/// <summary>A long outage under load does not flood the log: one warning with the cause, a summary a minute, one line when it ends.</summary>
public sealed class OutageLogFacts(OutageLogApp app) : IClassFixture<OutageLogApp>
{
    [Fact]
    public async Task AnOutage_LogsItsFirst503WithTheCause_ThenOneSummaryAMinute_AndOneLineWhenTheDatabaseAnswersAgain()
    {
        using var admin = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/clues")).StatusCode);
        var clock = app.Service<ManualClock>();

        await app.Cluster.InterruptAsync();
        var firstMinute = await RefusedAsync(admin, 5);
        var afterFirstMinute = Lines();
        clock.Advance(TimeSpan.FromSeconds(61));
        var secondMinute = await RefusedAsync(admin, 3);
        var afterSecondMinute = Lines();
        await app.Cluster.RestartAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Eventually.HoldsAsync(async () => (await admin.GetAsync("/api/clues")).StatusCode == HttpStatusCode.OK, "the service to answer again");

        Assert.All(firstMinute.Concat(secondMinute), status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        var started = Assert.Single(afterFirstMinute);
        Assert.Equal(LogEventLevel.Warning, started.Level);
        Assert.StartsWith("GET /api/clues answered 503: the database is unavailable (", started.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("()", started.Text, StringComparison.Ordinal);
        var summary = Assert.Single(afterSecondMinute.Skip(1));
        Assert.Equal(LogEventLevel.Warning, summary.Level);
        Assert.StartsWith("5 requests answered 503 in the last minute", summary.Text, StringComparison.Ordinal);
        var ended = Assert.Single(Lines().Skip(2), line => line.Level == LogEventLevel.Information);
        Assert.StartsWith("The database answers again: ", ended.Text, StringComparison.Ordinal);
        // Nothing else in the host writes a line per refused request.
        Assert.DoesNotContain(app.Events, e => e.Level >= LogEventLevel.Warning && !IsOutageLog(e) && Render(e).Contains("503", StringComparison.Ordinal));
    }

    private sealed record Line(LogEventLevel Level, string Text);

    private List<Line> Lines() =>
    [
        .. app.Events.Where(IsOutageLog).Select(e => new Line(e.Level, Render(e))),
    ];

    private static bool IsOutageLog(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: "NetworkCenter.Web.Http.DatabaseOutageLog" };

    /// <summary>The message as the console shows it: strings without Serilog's quotes.</summary>
    private static string Render(LogEvent e)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Formatter.Format(e, text);
        return text.ToString();
    }

    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}");

    private static async Task<List<HttpStatusCode>> RefusedAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.GetAsync("/api/clues")).StatusCode);
        }
        return statuses;
    }
}
