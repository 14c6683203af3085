using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using NetworkCenter.Supervision.Accounts;
using NetworkCenter.Testing;
using NetworkCenter.Web.Auth;

namespace NetworkCenter.Supervision.Tests.Network;

/// <summary>
/// Each role against each API endpoint, built from the app's own endpoint table and <see cref="AccessPolicies"/>: an
/// endpoint without a policy from the table fails the first test, and the second checks that the policy admits
/// exactly the roles the table says.
/// </summary>
public sealed partial class AccessMatrixFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    /// <summary>The network's own areas, where nothing is ever deleted.</summary>
    private static readonly string[] NetworkAreas = ["/api/network", "/api/me", "/api/accounts"];

    private const long UnknownId = 987_654_321;

    private sealed record Endpoint(string Method, string Route, IReadOnlyList<string> Policies)
    {
        /// <summary>The route with every parameter filled in with a value that fits its constraint but names nothing.</summary>
        public string Path => RouteParameter().Replace(Route, match => match.Groups["constraint"].Value switch
        {
            "guid" => Guid.Empty.ToString(),
            _ => UnknownId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        public override string ToString() => $"{Method} {Route}";
    }

    [GeneratedRegex(@"\{\*?\*?(?<name>\w+)(:(?<constraint>\w+)[^}]*)?\}")]
    private static partial Regex RouteParameter();

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

    /// <summary>The matrix as the issue states it, pinned here so that a change to the table is a deliberate one.</summary>
    [Fact]
    public void PolicyTable_IsTheAgreedMatrix()
    {
        string[] staff = [.. Roles.Staff];
        Assert.Null(AccessPolicies.RolesByPolicy[AccessPolicies.SignedIn]);
        Assert.Equal(staff, AccessPolicies.RolesByPolicy[AccessPolicies.Staff]);
        Assert.Equal([.. staff, Roles.Liaison], AccessPolicies.RolesByPolicy[AccessPolicies.StaffOrOwnLiaison]);
        Assert.Equal([Roles.ClueAdministrator, Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.NetworkWriter]);
        Assert.Equal([Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.SystemAdministrator]);
        Assert.Equal([Roles.Liaison], AccessPolicies.RolesByPolicy[AccessPolicies.Liaison]);
        Assert.Equal([Roles.ClueAdministrator, Roles.HandlingProcurator, Roles.DepartmentHead, Roles.ChiefProcurator],
            AccessPolicies.RolesByPolicy[AccessPolicies.OutcomeRecorder]);
        Assert.Equal([Roles.Supervisor, Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.Deployer]);
        Assert.Equal([Roles.ClueAdministrator, Roles.Supervisor, Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.MailOutboxReader]);
        Assert.Equal([Roles.Supervisor, Roles.SystemAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.HolidayEditor]);
        Assert.Equal([Roles.ClueAdministrator], AccessPolicies.RolesByPolicy[AccessPolicies.ClueEditor]);
    }

    [Fact]
    public void TheHolidayTable_IsReadByEveryone_AndEditedBySupervisorsAndSystemAdministrators()
    {
        var holidays = CoveredEndpoints().Where(e => e.Route.StartsWith("/api/holidays", StringComparison.Ordinal) ||
            e.Route.StartsWith("/api/calendar", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, holidays.Count);
        Assert.All(holidays, endpoint => Assert.Equal(
            [endpoint.Method == "GET" && endpoint.Route != "/api/holidays/changes" ? AccessPolicies.SignedIn : AccessPolicies.HolidayEditor],
            endpoint.Policies));
    }

    [Fact]
    public void OnlyClueAndSystemAdministrators_WriteTheNetwork_AndOnlySystemAdministrators_ManageStaffAndAccounts()
    {
        var endpoints = CoveredEndpoints();

        Assert.All(endpoints.Where(e => e.Method != "GET" && (e.Route.StartsWith("/api/network/staff", StringComparison.Ordinal) ||
                e.Route.StartsWith("/api/accounts", StringComparison.Ordinal))),
            endpoint => Assert.Equal([AccessPolicies.SystemAdministrator], endpoint.Policies));
        Assert.All(endpoints.Where(e => e.Method != "GET" && (e.Route.StartsWith("/api/network/offices", StringComparison.Ordinal) ||
                e.Route.StartsWith("/api/network/liaisons", StringComparison.Ordinal))),
            endpoint => Assert.Equal([AccessPolicies.NetworkWriter], endpoint.Policies));
        Assert.All(endpoints.Where(e => e.Route.StartsWith("/api/me/liaison", StringComparison.Ordinal)),
            endpoint => Assert.Equal([AccessPolicies.Liaison], endpoint.Policies));
        Assert.All(endpoints.Where(e => e.Route.StartsWith("/api/network", StringComparison.Ordinal) && e.Method == "GET" &&
                e.Route != "/api/network/liaisons/{id:long}"),
            endpoint => Assert.Equal([AccessPolicies.Staff], endpoint.Policies));
    }

    [Fact]
    public void NoEndpoint_DeletesRows()
    {
        Assert.DoesNotContain(CoveredEndpoints(), endpoint =>
            endpoint.Method == "DELETE" && NetworkAreas.Any(area => endpoint.Route.StartsWith(area, StringComparison.Ordinal)));
    }

    private List<Endpoint> CoveredEndpoints() =>
    [
        .. app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && route.StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Endpoint(
                method,
                e.RoutePattern.RawText!.TrimEnd('/'),
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()]))),
    ];
}
