using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class SignInFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task Api_Returns401ProblemDetails_WhenNotSignedIn()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_Returns401_ForWrongPassword()
    {
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HangfireDashboard_RedirectsToLogin_WhenNotSignedIn()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task HangfireDashboard_IsServed_ToSignedInAdministrator()
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/hangfire");

        response.EnsureSuccessStatusCode();
        Assert.Contains("NetworkCenter jobs", await response.Content.ReadAsStringAsync());
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal("admin", me!.Username);
        Assert.Contains("system-administrator", me.Roles);
    }

    private sealed record MeResponse(string Username, string[] Roles);
}
