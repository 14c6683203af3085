using Hangfire;
using NetworkCenter.Supervision.Mail;
using NetworkCenter.Supervision.Procedures;
using NetworkCenter.Web.Apis;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Clues;
using NetworkCenter.Web.Forms;
using NetworkCenter.Web.Hosting;
using NetworkCenter.Web.Http;
using NetworkCenter.Web.Localization;
using NetworkCenter.Web.MonthlyReports;
using NetworkCenter.Web.Network;
using NetworkCenter.Web.Workflows;
using NetworkCenter.Workflows.Calendar;
using NetworkCenter.Web.Pages;
using NetworkCenter.Web.Statistics;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddClock();
builder.AddDatabase();
builder.AddScheduling();
builder.Services.AddLegalCalendar(builder.Configuration);
builder.Services.AddMail(builder.Configuration, useSinkWhenUnconfigured: builder.Environment.IsDevelopment());
builder.AddAuth();
builder.AddNetwork();
builder.AddClues();
builder.AddWorkflows();
builder.Services.AddProcedures();
builder.AddMonthlyReports();
builder.AddPages();
builder.AddForms();
builder.AddStatistics();
builder.AddHealth();
builder.Services.AddProblemDetails();
builder.AddServerMessages();
builder.AddBadRequestProblems();
builder.AddDatabaseUnavailableProblems();
builder.Services.AddOpenApi();

var app = builder.Build();

if (!await app.PrepareAsync())
{
    return 1;
}
if (args.Contains("verify-audit")) return await app.RunVerifyAuditCommandAsync();
await app.SeedAsync();

app.ScheduleRecurringJobs();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePageAssets();
app.UseAuthentication();
app.UseServerMessages();
app.UseAuthorization();

app.MapHealth();
app.MapOpenApi().AllowAnonymous();
app.MapPages();
app.MapAuthApi();
app.MapAccountsApi();
app.MapAuditApi();
app.MapNetworkApi();
app.MapDevMail();
app.MapWorkflowApis();
app.MapHolidaysApi();
app.MapClues();
app.MapFormsApi();
app.MapMailOutboxApi();
app.MapMonthlyReportsApi();
app.MapStatistics();
app.MapHangfireDashboardWithAuthorizationPolicy(AuthServiceCollectionExtensions.AdministratorPolicy, "/hangfire",
    new DashboardOptions { DashboardTitle = "NetworkCenter jobs" });

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
