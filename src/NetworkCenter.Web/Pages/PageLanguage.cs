using System.Security.Claims;

namespace NetworkCenter.Web.Pages;

/// <summary>
/// The language a page is served in: <c>?lang=</c> (remembered in a cookie), else the cookie, else the account's
/// <c>language</c> claim, else Chinese.
/// </summary>
internal static class PageLanguage
{
    public const string Cookie = "nc.lang";
    public const string ClaimType = "language";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static string Resolve(HttpContext http)
    {
        if (Normalize(http.Request.Query["lang"]) is { } requested)
        {
            http.Response.Cookies.Append(Cookie, requested, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
            });
            return requested;
        }
        return Normalize(http.Request.Cookies[Cookie])
            ?? Normalize(http.User.FindFirstValue(ClaimType))
            ?? Chinese;
    }

    /// <summary>Maps en-US, en-GB, zh, zh-Hans… onto the two languages the pages have; anything else is null.</summary>
    public static string? Normalize(string? value)
    {
        var code = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        if (code == "en" || code.StartsWith("en-", StringComparison.Ordinal))
        {
            return English;
        }
        return code is "zh" or "zh-cn" or "zh-sg" || code.StartsWith("zh-hans", StringComparison.Ordinal) ? Chinese : null;
    }
}
