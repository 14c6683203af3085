using NetworkCenter.Supervision.Clues;
using NetworkCenter.Supervision.Intake;

namespace NetworkCenter.Web.Clues;

public static class CluesHostingExtensions
{
    /// <summary>The clue register and its intake channels.</summary>
    public static WebApplicationBuilder AddClues(this WebApplicationBuilder builder)
    {
        builder.Services.AddClues();
        builder.Services.AddMailIntake(builder.Configuration);
        builder.Services.AddSingleton<ClueRequestReader>();
        return builder;
    }

    /// <summary>The register's APIs; the mailbox poll is scheduled with the other recurring jobs (Hosting/RecurringJobs).</summary>
    public static WebApplication MapClues(this WebApplication app)
    {
        app.MapCluesApi();
        app.MapPortalCluesApi();
        return app;
    }
}
