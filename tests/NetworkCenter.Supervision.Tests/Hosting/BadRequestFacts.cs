using System.Net;
using System.Text;
using System.Text.Json;
using NetworkCenter.Testing;

namespace NetworkCenter.Supervision.Tests.Hosting;

public sealed class BadRequestFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Theory]
    [InlineData("""{"name":"x","unit":"y","officeId":"abc"}""", "officeId")]
    [InlineData("""{"name":5}""", "name")]
    [InlineData("""{"ties":[{"kind":1}]}""", "ties[0].kind")]
    [InlineData("{not json", "body")]
    [InlineData("", "body")]
    public async Task UnreadableBody_Returns400ProblemDetailsNamingTheField(string body, string field)
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.PostAsync("/api/network/liaisons", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([field], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UnreadableQueryValue_Returns400NamingTheParameter()
    {
        using var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/api/network/offices?page=first");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["page"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
