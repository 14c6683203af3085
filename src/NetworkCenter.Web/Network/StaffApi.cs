using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkCenter.Supervision.Network.Staff;
using NetworkCenter.Supervision.Paging;
using NetworkCenter.Web.Auth;
using NetworkCenter.Web.Http;

namespace NetworkCenter.Web.Network;

/// <summary>The procuratorate's staff: any staff member reads, only a system administrator manages accounts and roles.</summary>
internal static class StaffApi
{
    public static void MapStaffApi(this RouteGroupBuilder network)
    {
        var api = network.MapGroup("/staff").WithTags("Staff");
        api.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapGet("/{id:long}", GetAsync).RequireAuthorization(AccessPolicies.Staff);
        api.MapPost("/", RegisterAsync).RequireAuthorization(AccessPolicies.SystemAdministrator);
        api.MapPut("/{id:long}", ChangeAsync).RequireAuthorization(AccessPolicies.SystemAdministrator);
        api.MapPost("/{id:long}/deactivate", (long id, ClaimsPrincipal principal, ChangeStaff change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: false, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.SystemAdministrator);
        api.MapPost("/{id:long}/reactivate", (long id, ClaimsPrincipal principal, ChangeStaff change, CancellationToken cancellationToken) =>
            SetActiveAsync(id, active: true, principal, change, cancellationToken)).RequireAuthorization(AccessPolicies.SystemAdministrator);
    }

    private static async Task<Results<Ok<Paged<StaffMember>>, ValidationProblem, ProblemHttpResult, NotFound>> ListAsync(
        [AsParameters] FindStaff.Query query, FindStaff find, CancellationToken cancellationToken) =>
        (await find.ListAsync(query, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<StaffMember>, NotFound>> GetAsync(long id, FindStaff find, CancellationToken cancellationToken) =>
        await find.GetAsync(id, cancellationToken) is { } member ? TypedResults.Ok(member) : TypedResults.NotFound();

    private static async Task<Results<Created<StaffMember>, ValidationProblem, ProblemHttpResult, NotFound>> RegisterAsync(
        RegisterStaff.Request request, ClaimsPrincipal principal, RegisterStaff register, CancellationToken cancellationToken) =>
        (await register.RunAsync(principal.Current(), request, cancellationToken))
            .ToResults(member => TypedResults.Created($"/api/network/staff/{member.Id}", member));

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult, NotFound>> ChangeAsync(
        long id, ChangeStaff.Request request, ClaimsPrincipal principal, ChangeStaff change, CancellationToken cancellationToken) =>
        (await change.RunAsync(principal.Current(), id, request, cancellationToken)).ToResults(TypedResults.Ok);

    private static async Task<Results<Ok<StaffMember>, ValidationProblem, ProblemHttpResult, NotFound>> SetActiveAsync(
        long id, bool active, ClaimsPrincipal principal, ChangeStaff change, CancellationToken cancellationToken) =>
        (await change.SetActiveAsync(principal.Current(), id, active, cancellationToken)).ToResults(TypedResults.Ok);
}
