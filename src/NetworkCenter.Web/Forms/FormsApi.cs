using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Localization;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Web.Forms;

/// <summary>The task forms for the form editor and the task inbox: anyone signed in reads; those who deploy procedures (supervisors, system administrators) write.</summary>
internal static class FormsApi
{
    public static WebApplicationBuilder AddForms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FormsOptions>().Bind(builder.Configuration.GetSection(FormsOptions.Section));
        builder.Services.AddSingleton<FormFiles>();
        return builder;
    }

    public static RouteGroupBuilder MapFormsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/forms").WithTags("Forms");
        api.MapGet("/", (FormFiles files) => TypedResults.Ok(files.List())).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapGet("/{name}", ReadAsync).RequireAuthorization(AccessPolicies.SignedIn);
        api.MapPut("/{name}", SaveAsync).RequireAuthorization(AccessPolicies.Deployer);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReadAsync(
        string name, FormFiles files, HttpContext http, CancellationToken cancellationToken)
    {
        var form = FormFiles.NamePattern().IsMatch(name) ? await files.ReadAsync(name, cancellationToken) : null;
        if (form is null)
        {
            return Problem(404, WebMessages.NoForm(name));
        }
        http.Response.Headers.ETag = form.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(form.Json), "application/json");
    }

    private static async Task<IResult> SaveAsync(string name, FormFiles files, HttpContext http, CancellationToken cancellationToken)
    {
        if (!FormFiles.NamePattern().IsMatch(name))
        {
            return Problem(400, WebMessages.FormFileName());
        }
        if (!http.Request.HasJsonContentType())
        {
            return Problem(415, WebMessages.FormMediaType(name, http.Request.ContentType));
        }
        if (http.Request.ContentLength > files.MaxBytes)
        {
            return Problem(413, WebMessages.FormTooLarge(files.MaxBytes));
        }
        using var buffer = new MemoryStream();
        var read = new byte[16 * 1024];
        int count;
        while ((count = await http.Request.Body.ReadAsync(read, cancellationToken)) > 0)
        {
            buffer.Write(read, 0, count);
            if (buffer.Length > files.MaxBytes)
            {
                return Problem(413, WebMessages.FormTooLarge(files.MaxBytes));
            }
        }
        // System.Text.Json leaves bytes inside strings unchecked until they are read, and the file would keep them.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return Problem(400, WebMessages.FormNotUtf8());
        }
        JsonObject? schema;
        try
        {
            schema = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Problem(400, WebMessages.FormNotJson(e.Message));
        }
        if (schema is null || schema["components"] is not JsonArray)
        {
            return Problem(400, WebMessages.FormNotSchema());
        }
        // A form the server's validator cannot use would turn every completion of its tasks into a server error.
        if (NetworkCenter.Workflows.Forms.FormValidator.CheckSchema(schema.ToJsonString()) is { } unusable)
        {
            return Problem(400, WebMessages.FormUnusable(unusable));
        }
        var ifMatch = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        var mustBeNew = http.Request.Headers.IfNoneMatch.ToString() == "*";
        var (outcome, etag) = await files.SaveAsync(name, schema, ifMatch, mustBeNew, cancellationToken);
        if (outcome == FormFiles.SaveOutcome.Conflict)
        {
            return Problem(412, WebMessages.FormChanged());
        }
        http.Response.Headers.ETag = etag;
        var summary = files.List().First(f => f.Name == name);
        return outcome == FormFiles.SaveOutcome.Created ? TypedResults.Created($"/api/forms/{name}", summary) : TypedResults.Ok(summary);
    }

    private static ProblemHttpResult Problem(int status, ServerMessage title) => TypedResults.Problem(GeneralProblems.Problem(status, title));
}
