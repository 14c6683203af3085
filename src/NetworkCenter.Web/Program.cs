using Hangfire;
using NetworkCenter.Supervision.Mail;
using NetworkCenter.Web.Apis;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Hosting;
using NetworkCenter.Web.Workflows;
using NetworkCenter.Workflows.Calendar;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddClock();
builder.AddDatabase();
builder.AddScheduling();
builder.Services.AddLegalCalendar(builder.Configuration);
builder.Services.AddMail(builder.Configuration, useSinkWhenUnconfigured: builder.Environment.IsDevelopment());
builder.AddAuth();
builder.AddWorkflows();
builder.AddHealth();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapOpenApi().AllowAnonymous();
app.MapLoginPage();
app.MapAuthApi();
app.MapDevMail();
app.MapWorkflowApis();
app.MapHolidaysApi();
app.MapHangfireDashboardWithAuthorizationPolicy(AuthServiceCollectionExtensions.AdministratorPolicy, "/hangfire",
    new DashboardOptions { DashboardTitle = "NetworkCenter jobs" });
app.MapGet("/", () => Results.Redirect("/hangfire")).ExcludeFromDescription();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
