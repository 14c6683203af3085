using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkCenter.Testing;

namespace NetworkCenter.Workflows.Tests.Calendar;

public sealed class HolidaysApiFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private sealed record HolidayBody(string Date, string Kind, string Name, string? Source, string UpdatedBy);
    private sealed record ChangeBody(string Date, string Action, string? Kind, string ChangedBy);
    private sealed record DueBody(string Start, string Period, string PeriodEnd, string Due, DateTimeOffset? DueAt, bool HolidayTableCoversYear);

    [Fact]
    public async Task Get_ListsTheSeededTableOfAYear()
    {
        using var client = await app.SignedInClientAsync();

        var holidays = await client.GetFromJsonAsync<HolidayBody[]>("/api/holidays?year=2026");

        Assert.NotNull(holidays);
        Assert.All(holidays, h => Assert.StartsWith("2026-", h.Date, StringComparison.Ordinal));
        Assert.Contains(holidays, h => h is { Date: "2026-02-17", Kind: "day-off", Name: "春节" });
        Assert.Contains(holidays, h => h is { Date: "2026-02-14", Kind: "make-up-working-day" });
        Assert.Equal(33 + 6, holidays.Length);
    }

    [Fact]
    public async Task Due_AnswersTheResearchNoteVector()
    {
        using var client = await app.SignedInClientAsync();

        var due = await client.GetFromJsonAsync<DueBody>("/api/calendar/due?start=2026-02-10&period=P7D");

        Assert.Equal(new DueBody("2026-02-10", "P7D", "2026-02-17", "2026-02-24", null, true), due);
    }

    [Fact]
    public async Task Due_OfAnInstant_GivesTheTimerInstant_AtTheSameBeijingTimeOfDay()
    {
        using var client = await app.SignedInClientAsync();

        var due = await client.GetFromJsonAsync<DueBody>("/api/calendar/due?start=2026-02-10T01:30:00Z&period=P7D");

        Assert.Equal("2026-02-10", due!.Start);
        Assert.Equal("2026-02-24", due.Due);
        Assert.Equal(new DateTimeOffset(2026, 2, 24, 9, 30, 0, TimeSpan.FromHours(8)), due.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), due.DueAt!.Value.Offset);
    }

    [Fact]
    public async Task Put_OfADayOff_ChangesAComputedDueDateAtOnce_AndDeleteRestoresIt()
    {
        using var client = await app.SignedInClientAsync();
        const string query = "/api/calendar/due?start=2026-11-13&period=P3D"; // Monday 2026-11-16
        Assert.Equal("2026-11-16", (await client.GetFromJsonAsync<DueBody>(query))!.Due);

        var put = await client.PutAsJsonAsync("/api/holidays/2026-11-16", new { kind = "day-off", name = "自治县成立纪念日", source = "县政府通知" });
        var afterPut = (await client.GetFromJsonAsync<DueBody>(query))!.Due;
        var delete = await client.DeleteAsync("/api/holidays/2026-11-16");
        var afterDelete = (await client.GetFromJsonAsync<DueBody>(query))!.Due;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<HolidayBody>();
        Assert.Equal(new HolidayBody("2026-11-16", "day-off", "自治县成立纪念日", "县政府通知", "admin"), saved);
        Assert.Equal("2026-11-17", afterPut);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("2026-11-16", afterDelete);
        var changes = await client.GetFromJsonAsync<ChangeBody[]>("/api/holidays/changes?year=2026");
        Assert.Equal(
            [new ChangeBody("2026-11-16", "put", "day-off", "admin"), new ChangeBody("2026-11-16", "delete", "day-off", "admin")],
            changes!.Where(c => c.Date == "2026-11-16"));
        Assert.Contains(changes!, c => c is { Date: "2026-02-17", Action: "put", ChangedBy: "seed" });
    }

    [Fact]
    public async Task Delete_Returns404_WhenTheDateIsNotInTheTable()
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.DeleteAsync("/api/holidays/2026-03-03");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/holidays?year=2026")]
    [InlineData("PUT", "/api/holidays/2026-11-16")]
    [InlineData("DELETE", "/api/holidays/2026-02-17")]
    [InlineData("GET", "/api/calendar/due?start=2026-02-10&period=P7D")]
    public async Task EveryCall_Returns401_WhenNotSignedIn(string method, string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = JsonContent.Create(new { kind = "day-off", name = "x" }),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("system-administrator", HttpStatusCode.OK)]
    [InlineData("clue-administrator", HttpStatusCode.Forbidden)]
    [InlineData("handling-procurator", HttpStatusCode.Forbidden)]
    [InlineData("liaison", HttpStatusCode.Forbidden)]
    public async Task Put_IsAllowedOnlyToSupervisorsAndSystemAdministrators(string role, HttpStatusCode expected)
    {
        using var client = ClientWithRole(role);

        var list = await client.GetAsync("/api/holidays?year=2026");
        var changes = await client.GetAsync("/api/holidays/changes?year=2026");
        var put = await client.PutAsJsonAsync("/api/holidays/2026-12-07", new { kind = "day-off", name = "测试" });
        var delete = await client.DeleteAsync("/api/holidays/2026-12-07");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(expected, changes.StatusCode);
        Assert.Equal(expected, put.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Theory]
    [InlineData("2026-02-30", "day-off", "春节", "date")]
    [InlineData("20260217", "day-off", "春节", "date")]
    [InlineData("2026-02-17", "holiday", "春节", "kind")]
    [InlineData("2026-02-17", null, "春节", "kind")]
    [InlineData("2026-02-17", "day-off", "  ", "name")]
    [InlineData("2026-02-17", "day-off", null, "name")]
    public async Task Put_Returns400NamingTheField_WhenInvalid(string date, string? kind, string? name, string field)
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.PutAsJsonAsync($"/api/holidays/{date}", new { kind, name });

        await AssertNamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("/api/calendar/due?start=2026-02-10&period=PT48H", "period")]
    [InlineData("/api/calendar/due?start=2026-02-10", "period")]
    [InlineData("/api/calendar/due?start=10/02/2026&period=P7D", "start")]
    [InlineData("/api/calendar/due?start=2026-02-10T09:30&period=P7D", "start")]
    [InlineData("/api/calendar/due?start=9999-12-01&period=P1M", "period")]
    [InlineData("/api/holidays?year=twenty", "year")]
    public async Task Reads_Return400NamingTheField_WhenInvalid(string url, string field)
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync(url);

        await AssertNamesFieldAsync(response, field);
    }

    private static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    /// <summary>
    /// Only the built-in admin (every role) can sign in so far, so other roles get a session cookie issued by the
    /// host's own cookie protector, exactly what sign-in would set.
    /// </summary>
    private HttpClient ClientWithRole(string role)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u-" + role), new Claim(ClaimTypes.Name, "u-" + role), new Claim(ClaimTypes.Role, role)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }
}
