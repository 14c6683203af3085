using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Accounts;

public sealed class LoginPageFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Fact]
    public async Task LoginForm_SignsInAnAccount_AndReturnsToALocalPage()
    {
        var account = await app.CreateAccountAsync(Roles.Supervisor);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await PostFormAsync(client, account.Username, account.Password, "/hangfire");
        var elsewhere = await PostFormAsync(client, account.Username, account.Password, "//evil.example/");
        var me = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hangfire", response.Headers.Location?.OriginalString);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task LoginForm_SaysTheAccountIsLocked_AfterFiveFailures()
    {
        var account = await app.CreateAccountAsync(Roles.DepartmentHead);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        HttpResponseMessage? last = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            last = await PostFormAsync(client, account.Username, "wrong-password", "/");
        }

        Assert.Equal(HttpStatusCode.Locked, last!.StatusCode);
        Assert.Contains("locked", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginPage_EscapesTheReturnUrl()
    {
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/login?ReturnUrl=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");

        Assert.DoesNotContain("<script>alert(1)</script>", page);
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string username, string password, string returnUrl) =>
        client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["ReturnUrl"] = returnUrl,
        }));
}
