using System.Globalization;
using Microsoft.AspNetCore.Localization;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Web.Pages;

namespace NetworkCenter.Web.Localization;

/// <summary>
/// Every problem and validation message the API writes is in the request's language, chosen by ASP.NET Core's
/// RequestLocalization: the language picked on the pages (the <c>nc.lang</c> cookie the language menu sets, so a
/// page and its errors agree), else the signed-in account's language, else the request's Accept-Language (zh-CN or en,
/// en-US and en-GB counting as en), else zh-CN, the product's default as on the pages. Only the UI culture changes:
/// numbers and dates keep the process's formatting, so no output other than messages moves with the language.
/// </summary>
public static class ServerMessagesHosting
{
    public static WebApplicationBuilder AddServerMessages(this WebApplicationBuilder builder)
    {
        var formatting = CultureInfo.CurrentCulture;
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(formatting, new CultureInfo(Languages.Default));
            options.SupportedCultures = [formatting];
            options.SupportedUICultures = [.. Languages.All.Select(code => new CultureInfo(code))];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Chosen(PageLanguage.Normalize(http.Request.Cookies[PageLanguage.Cookie]))),
                new CustomRequestCultureProvider(http => Chosen(PageLanguage.Normalize(http.User.FindFirst(CurrentUser.LanguageClaim)?.Value))),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = GeneralProblems.Localize);
        return builder;
    }

    /// <summary>After authentication, so that the account's language is known; before authorization, whose 401 and 403 it words.</summary>
    public static IApplicationBuilder UseServerMessages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// The request's language again, for code that runs after the localization middleware has returned (the exception
    /// handler, which sits outside it): the middleware's choice stays on the request as a feature.
    /// </summary>
    public static void RestoreLanguage(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } feature)
        {
            CultureInfo.CurrentUICulture = feature.RequestCulture.UICulture;
        }
    }

    private static Task<ProviderCultureResult?> Chosen(string? language) =>
        Task.FromResult(language is null ? null : new ProviderCultureResult(language));
}
