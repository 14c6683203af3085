using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Tests.Support;

namespace NetworkCenter.Workflows.Tests.Scheduling;

public sealed class ClockFacts(EngineApp app) : IClassFixture<EngineApp>
{
    [Fact]
    public async Task Advance_MovesTheManualClock_AndGetReturnsIt()
    {
        var client = await app.SignedInClientAsync();
        var before = (await client.GetFromJsonAsync<JsonObject>("/api/clock"))!["now"]!.GetValue<DateTimeOffset>();

        var response = await client.PostAsJsonAsync("/api/clock/advance", new { by = "P1DT2H" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await client.GetFromJsonAsync<JsonObject>("/api/clock"))!["now"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.FromHours(26), after - before);
    }

    [Theory]
    [InlineData("three days")]
    [InlineData("")]
    public async Task Advance_Returns400_ForAValueThatIsNotADuration(string by)
    {
        var client = await app.SignedInClientAsync();

        var response = await client.PostAsJsonAsync("/api/clock/advance", new { by });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SystemClockApp : EngineApp
{
    protected override bool UseManualClock => false;
}

public sealed class SystemClockFacts(SystemClockApp app) : IClassFixture<SystemClockApp>
{
    [Fact]
    public async Task Advance_Returns409_OnTheSystemClock()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.PostAsJsonAsync("/api/clock/advance", new { by = "P1D" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Manual", (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
