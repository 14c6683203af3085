using Serilog;
using Serilog.Formatting.Compact;

namespace NetworkCenter.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Structured logs through Serilog: compact JSON in Production, readable lines elsewhere; levels from <c>Serilog</c>.</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Environment.IsProduction() || builder.Configuration.GetValue<bool>("Logging:Json");
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
        });
        return builder;
    }
}
