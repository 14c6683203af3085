using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Supervision.Tests.Network;

/// <summary>
/// Each role against each endpoint of the network, accounts and sign-in areas, built from the app's own endpoint
/// table and <see cref="AccessPolicies"/>: an endpoint without a policy from the table fails the first test, and the
/// second checks that the policy admits exactly the roles the table says.
/// </summary>
public sealed class AccessMatrixFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    /// <summary>The areas this matrix covers; other areas bring their own.</summary>
    private static readonly string[] Areas = ["/api/network", "/api/me", "/api/accounts", "/api/auth", "/api/audit"];

    private const long UnknownId = 987_654_321;

    private sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Policies)
    {
        public string Path => Route.Replace("{id:long}", UnknownId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Route}";
    }

    public static TheoryData<string> AllRoles => [.. Roles.Staff, Roles.Liaison];

    [Fact]
    public void EveryEndpoint_NamesExactlyOnePolicyFromTheTable()
    {
        var endpoints = CoveredEndpoints();

        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints, endpoint =>
        {
            var policy = Assert.Single(endpoint.Policies);
            Assert.Contains(policy, AccessPolicies.RolesByPolicy.Keys);
        });
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Role_IsAdmittedOrRefused_AsThePolicyTableSays(string role)
    {
        var (client, _) = await app.SignedInClientForRoleAsync(role);
        using var _client = client;
        var mismatches = new List<string>();

        // Logging out ends the session, so it goes last.
        foreach (var endpoint in CoveredEndpoints().OrderBy(e => e.Route.EndsWith("/logout", StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
            if (endpoint.Method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            var admitted = AccessPolicies.Admits(endpoint.Policies.Single(), [role]);
            var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            if (admitted == refused || (!admitted && response.StatusCode != HttpStatusCode.Forbidden))
            {
                mismatches.Add($"{endpoint}: expected {(admitted ? "admitted" : "403")}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void OnlyClueAndSystemAdministrators_WriteTheNetwork_AndOnlySystemAdministrators_ManageStaff()
    {
        Assert.Equal([Roles.ClueAdministrator, Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.NetworkWriter]);
        Assert.Equal([Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.SystemAdministrator]);
        Assert.All(CoveredEndpoints().Where(e => e.Route.StartsWith("/api/network/staff", StringComparison.Ordinal) && e.Method != "GET"),
            endpoint => Assert.Equal([AccessPolicies.SystemAdministrator], endpoint.Policies));
        Assert.All(CoveredEndpoints().Where(e => e.Method is "POST" or "PUT" && (e.Route.StartsWith("/api/network/offices", StringComparison.Ordinal) ||
                e.Route.StartsWith("/api/network/liaisons", StringComparison.Ordinal))),
            endpoint => Assert.Equal([AccessPolicies.NetworkWriter], endpoint.Policies));
    }

    [Fact]
    public void NoEndpoint_DeletesRows()
    {
        Assert.DoesNotContain(CoveredEndpoints(), endpoint => endpoint.Method == "DELETE");
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
