using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>The Hangfire dashboard's policy: system administrators.</summary>
    public const string AdministratorPolicy = AccessPolicies.SystemAdministrator;

    /// <summary>Cookie sign-in shared by the API and the pages; every endpoint needs a signed-in user unless it says otherwise.</summary>
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddAccounts(builder.Configuration, AdministratorPasswordFrom(builder));
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddHostedService<SessionChangeListener>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "nc.session";
                // Sessions follow the real clock: advancing the manual clock by days must not sign everyone out.
                options.TimeProvider = TimeProvider.System;
                options.Cookie.HttpOnly = true;
                // Strict same-site cookies keep other sites from driving the JSON API with a user's session.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = "/login";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddAccessPolicies();
        return builder;
    }

    /// <summary>
    /// The built-in administrator's password: <c>NC_ADMIN_PASSWORD</c>, then <c>Auth:AdminPassword</c>, then <c>admin</c>
    /// in Development only. Outside Development with neither, the account is not created.
    /// </summary>
    private static AdministratorPassword AdministratorPasswordFrom(WebApplicationBuilder builder) => new(
        Environment.GetEnvironmentVariable("NC_ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : builder.Configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.AdminPassword)}"] is { Length: > 0 } configured ? configured
        : builder.Environment.IsDevelopment() ? "admin"
        : null);

    /// <summary>The API answers 401/403 as problem details; pages redirect to the sign-in page.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            // The title and code in the request's language come from GeneralProblems, by status.
            return Results.Problem(statusCode: status)
                .ExecuteAsync(context.HttpContext);
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
