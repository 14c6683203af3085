using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Supervision.Tests.Clues;

/// <summary>
/// Each role against each endpoint of the register and the liaison portal, from the app's endpoint table and
/// <see cref="AccessPolicies"/>, as the network's matrix does for its areas.
/// </summary>
public sealed class ClueAccessMatrixFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static readonly string[] Areas = ["/api/clues", "/api/portal"];

    private sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Policies)
    {
        public string Path => System.Text.RegularExpressions.Regex.Replace(Route, @"\{[^}]+\}", "987654321");

        public override string ToString() => $"{Method} {Route}";
    }

    public static TheoryData<string> AllRoles => [.. Roles.Staff, Roles.Liaison];

    [Fact]
    public void EveryEndpoint_NamesExactlyOnePolicyFromTheTable_AndOnlyTheClueAdministratorWrites()
    {
        var endpoints = CoveredEndpoints();

        Assert.True(endpoints.Count >= 9, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints, endpoint => Assert.Contains(Assert.Single(endpoint.Policies), AccessPolicies.RolesByPolicy.Keys));
        // What came of a clue is recorded by those who handle and decide it, not only by the clue administrator.
        Assert.All(endpoints.Where(e => e.Method == "POST" && e.Route.StartsWith("/api/clues", StringComparison.Ordinal) &&
                !e.Route.EndsWith("/outcomes", StringComparison.Ordinal)),
            endpoint => Assert.Equal([AccessPolicies.ClueAdministrator], endpoint.Policies));
        Assert.All(endpoints.Where(e => e.Method == "POST" && e.Route.EndsWith("/outcomes", StringComparison.Ordinal)),
            endpoint => Assert.Equal([AccessPolicies.OutcomeRecorder], endpoint.Policies));
        Assert.All(endpoints.Where(e => e.Route.StartsWith("/api/portal", StringComparison.Ordinal)),
            endpoint => Assert.Equal([AccessPolicies.Liaison], endpoint.Policies));
        Assert.DoesNotContain(endpoints, endpoint => endpoint.Method == "DELETE");
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Role_IsAdmittedOrRefused_AsThePolicyTableSays(string role)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(role);
        using var _client = client;
        var mismatches = new List<string>();

        foreach (var endpoint in CoveredEndpoints())
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            if (endpoint.Method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            var admitted = AccessPolicies.Admits(endpoint.Policies.Single(), [role]);
            if (admitted ? response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized : response.StatusCode != HttpStatusCode.Forbidden)
            {
                mismatches.Add($"{endpoint}: expected {(admitted ? "admitted" : "403")}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(mismatches);
    }

    private List<Endpoint> CoveredEndpoints() =>
    [
        .. app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && Areas.Any(area => route.StartsWith(area, StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Endpoint(
                method,
                e.RoutePattern.RawText!.TrimEnd('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()]))),
    ];
}
