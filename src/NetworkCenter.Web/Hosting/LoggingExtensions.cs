using Serilog;
using Serilog.Formatting.Compact;

namespace NetworkCenter.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Structured logs through Serilog: compact JSON in Production, readable lines elsewhere; levels from <c>Serilog</c>.</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Environment.IsProduction() || builder.Configuration.GetValue<bool>("Logging:Json");
        // preserveStaticLogger: by default AddSerilog installs this host's logger as the static Log.Logger, its
        // ILogger<T>s write through whatever Log.Logger is when they are created, and disposing the host calls
        // Log.CloseAndFlush(). With several hosts in one process (the tests run them in parallel) a host would log to
        // another's sinks, or to nothing once another host stopped. Each host keeps its own logger; nothing is static.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        }, preserveStaticLogger: true);
        return builder;
    }
}
