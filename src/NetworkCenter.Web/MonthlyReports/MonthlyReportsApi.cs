using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.MonthlyReport;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Localization;

namespace NetworkCenter.Web.MonthlyReports;

/// <summary>The monthly reports built by <c>workflows/monthly-report.bpmn</c>: the list and each PDF, for staff.</summary>
public static class MonthlyReportsApi
{
    public static WebApplicationBuilder AddMonthlyReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddMonthlyReport();
        return builder;
    }

    public static RouteGroupBuilder MapMonthlyReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/monthly-reports").WithTags("Monthly reports");
        api.MapGet("", async (StoredReports reports, CancellationToken cancellationToken) => TypedResults.Ok(await reports.ListAsync(cancellationToken)))
            .RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}/pdf", PdfAsync).RequireAuthorization(AccessPolicies.Staff);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> PdfAsync(
        long id, string? audience, string? lang, StoredReports reports, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = audience switch
        {
            null or "" or "members" => ReportAudience.Members,
            "congress" => ReportAudience.Congress,
            _ => (ReportAudience?)null,
        };
        if (kind is null)
        {
            errors["audience"] = [WebMessages.NotAnAudience(audience).Text];
        }
        if (lang is not (null or "" or "zh-CN" or "en"))
        {
            errors["lang"] = [WebMessages.NotAReportLanguage(lang).Text];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await reports.PdfAsync(id, kind!.Value, lang ?? "zh-CN", cancellationToken) is { } pdf
            ? TypedResults.File(pdf.Content, "application/pdf", pdf.FileName)
            : TypedResults.NotFound();
    }
}
