using NetworkCenter.Supervision.Clues;

namespace NetworkCenter.Web.Clues;

public static class CluesHostingExtensions
{
    /// <summary>The clue register and its intake channels.</summary>
    public static WebApplicationBuilder AddClues(this WebApplicationBuilder builder)
    {
        builder.Services.AddClues();
        builder.Services.AddSingleton<ClueRequestReader>();
        return builder;
    }

    public static WebApplication MapClues(this WebApplication app)
    {
        app.MapCluesApi();
        return app;
    }
}
