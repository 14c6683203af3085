using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>A plain sign-in page for the dashboard and the pages until the browser application provides its own.</summary>
public static class LoginPage
{
    public static void MapLoginPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login", (HttpContext http) => Results.Content(Render(http.Request.Query["ReturnUrl"], error: false), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/login", async (HttpContext http, SignIn signIn) =>
        {
            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["ReturnUrl"].ToString();
            var result = await signIn.RunAsync(form["username"].ToString(), form["password"].ToString(), http.RequestAborted);
            if (result is not SignIn.Result.SignedIn signedIn)
            {
                var locked = result is SignIn.Result.LockedOut;
                return Results.Content(Render(returnUrl, error: true, locked), "text/html; charset=utf-8",
                    statusCode: locked ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                signedIn.User.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            // Only local paths: a sign-in must never bounce the user to another site.
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string Render(string? returnUrl, bool error, bool locked = false)
    {
        var encoder = HtmlEncoder.Default;
        var message = locked ? "<p role=\"alert\">登录失败次数过多，账户已暂时锁定 / Too many failed sign-ins: the account is locked for a while.</p>"
            : error ? "<p role=\"alert\">用户名或密码错误 / Unknown user or wrong password.</p>"
            : "";
        return $"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录 · Sign in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>民事行政法律监督信息网络中心</h1>{message}
            <form method="post" action="/login">
            <input type="hidden" name="ReturnUrl" value="{encoder.Encode(returnUrl ?? "/")}">
            <p><label for="username">用户名 / User name</label> <input id="username" name="username" autocomplete="username" required></p>
            <p><label for="password">密码 / Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">登录 / Sign in</button></p>
            </form></main></body></html>
            """;
    }
}
