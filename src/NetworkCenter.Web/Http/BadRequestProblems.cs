using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.Http;

/// <summary>
/// A request the API cannot even read (malformed JSON, a number where text belongs, a query value of the wrong type)
/// answers 400 with problem details naming the field, as a rejected value does, rather than a bare 400 (or, in
/// Development, a 500).
/// </summary>
public static partial class BadRequestProblems
{
    public static WebApplicationBuilder AddBadRequestProblems(this WebApplicationBuilder builder)
    {
        // Thrown in every environment, so that the handler below answers the same way everywhere.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<Handler>();
        return builder;
    }

    internal sealed class Handler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            ServerMessagesHosting.RestoreLanguage(httpContext);
            var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(bad)] = [MessageOf(bad)] })
            {
                Status = bad.StatusCode,
                Title = WebMessages.Unreadable().Text,
                Extensions = { [GeneralProblems.CodeKey] = WebMessages.Unreadable().Code },
            };
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details });
        }
    }

    /// <summary>The field in the API's own terms: a JSON path without <c>$.</c>, or the camel-cased parameter name.</summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        }
        if (ParameterPattern().Match(bad.Message) is { Success: true } match)
        {
            var name = match.Groups["name"].Value;
            return char.ToLowerInvariant(name[0]) + name[1..];
        }
        return "body";
    }

    private static string MessageOf(BadHttpRequestException bad) =>
        bad.InnerException is JsonException ? WebMessages.NotAValue().Text : bad.Message;

    [GeneratedRegex("""bind parameter "[^"]*?(?<name>\w+)" from""")]
    private static partial Regex ParameterPattern();
}
