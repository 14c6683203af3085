using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Web.Pages;

/// <summary>The browser pages: HTML shells served by endpoints (so the sign-in requirement applies) and the bundle.</summary>
internal static class PagesApi
{
    public const string DesignerPolicy = "designer";

    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageShell>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DesignerPolicy, policy => policy.RequireRole(Roles.Supervisor, Roles.SystemAdministrator));
        // A page the user's role does not allow sends them home, where the page says why.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.AccessDeniedPath = "/");
        return builder;
    }

    /// <summary>
    /// The bundle is public, ahead of authentication: it holds no data, and the sign-in page needs it. Content-hashed
    /// chunks and assets are cached for good; entry files are revalidated (pages ask for them with ?v=).
    /// </summary>
    public static IApplicationBuilder UsePageAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var path = context.Context.Request.Path;
                context.Context.Response.Headers.CacheControl =
                    path.StartsWithSegments("/dist/chunks") || path.StartsWithSegments("/dist/assets")
                        ? "public, max-age=31536000, immutable"
                        : "no-cache";
            },
        });

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/login", (HttpContext http, PageShell shell) =>
                http.User.Identity?.IsAuthenticated == true ? Results.LocalRedirect(SafeReturnUrl(http)) : shell.Render(http, "login"))
            .AllowAnonymous();
        // A liaison's home is the portal: they see nothing else.
        pages.MapGet("/", (HttpContext http, PageShell shell) =>
            http.User.IsInRole(Roles.Liaison) && !Roles.Staff.Any(http.User.IsInRole) ? Results.LocalRedirect("/portal") : shell.Render(http, "home"));
        pages.MapGet("/portal", (HttpContext http, PageShell shell) => shell.Render(http, "portal")).RequireAuthorization(AccessPolicies.Liaison);
        pages.MapGet("/designer", (HttpContext http, PageShell shell) => shell.Render(http, "designer")).RequireAuthorization(DesignerPolicy);
        pages.MapGet("/forms", (HttpContext http, PageShell shell) => shell.Render(http, "forms")).RequireAuthorization(DesignerPolicy);
        pages.MapGet("/clues", (HttpContext http, PageShell shell) => shell.Render(http, "clues")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/clues/new", (HttpContext http, PageShell shell) => shell.Render(http, "register")).RequireAuthorization(AccessPolicies.ClueAdministrator);
        pages.MapGet("/clues/{id:long}", (HttpContext http, PageShell shell) => shell.Render(http, "clue")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/clues/merge", (HttpContext http, PageShell shell) => shell.Render(http, "merge")).RequireAuthorization(AccessPolicies.ClueAdministrator);
        pages.MapGet("/posters/{key}", (HttpContext http, PageShell shell) => shell.Render(http, "poster")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/statistics", (HttpContext http, PageShell shell) => shell.Render(http, "statistics")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/network", (HttpContext http, PageShell shell) => shell.Render(http, "network")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/holidays", (HttpContext http, PageShell shell) => shell.Render(http, "holidays")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/tasks", (HttpContext http, PageShell shell) => shell.Render(http, "inbox")).RequireAuthorization(AccessPolicies.Staff);
        pages.MapGet("/instances/{id}", (HttpContext http, PageShell shell) => shell.Render(http, "instance")).RequireAuthorization(AccessPolicies.Staff);
        return routes;
    }

    // Only local paths: a sign-in must never bounce the user to another site.
    private static string SafeReturnUrl(HttpContext http)
    {
        var url = http.Request.Query["ReturnUrl"].ToString();
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
    }
}
