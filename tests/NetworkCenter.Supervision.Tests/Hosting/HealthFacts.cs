using System.Net;
using System.Text.Json;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class HealthFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Health_Returns200_WithDatabaseAndHangfireHealthy()
    {
        using var client = app.CreateClient();

        // The Hangfire server announces itself a moment after start-up.
        var body = await Eventually.ReturnsAsync(async () =>
        {
            var response = await client.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "/health to answer 200");

        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("connected to t_", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("hangfire").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAtV1Json()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", json.RootElement.GetProperty("openapi").GetString());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/auth/login", out _));
    }
}
