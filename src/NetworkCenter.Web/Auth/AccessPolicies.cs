using Microsoft.AspNetCore.Authorization;
using NetworkCenter.Supervision.Accounts;

namespace NetworkCenter.Web.Auth;

/// <summary>
/// Who may call what, in one place: every API endpoint names one of these policies, and each policy is the list of
/// roles it admits. Record-level rules (a liaison sees only their own record) are the handlers' part.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in user, staff or liaison.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Any staff role: reading the network.</summary>
    public const string Staff = "staff";

    /// <summary>Staff, and liaisons for their own records only (others' answer 404).</summary>
    public const string StaffOrOwnLiaison = "staff-or-own-liaison";

    /// <summary>Changing offices, points and liaisons.</summary>
    public const string NetworkWriter = "network-writer";

    /// <summary>Staff accounts and roles, password resets and unlocking, the job dashboard.</summary>
    public const string SystemAdministrator = "system-administrator";

    /// <summary>Registering, confirming and merging clues.</summary>
    public const string ClueAdministrator = "clue-administrator";

    /// <summary>Recording what came of a clue (its outcome and value): those who handle and decide clues.</summary>
    public const string OutcomeRecorder = "outcome-recorder";

    /// <summary>A liaison's own profile.</summary>
    public const string Liaison = "liaison";

    /// <summary>Deploying procedure definitions: supervisors edit procedures; system administrators install them.</summary>
    public const string Deployer = "deployer";

    /// <summary>The mail outbox's backlog (recipients, subjects, errors): the people who answer for notices going out.</summary>
    public const string MailOutboxReader = "mail-outbox-reader";

    /// <summary>
    /// Correcting a registered clue and setting its handling procurator outside the procedures: the clue administrator
    /// keeps the register and assigns clues (DOMAIN.md, "People and roles"), so corrections are theirs too.
    /// </summary>
    public const string ClueEditor = "clue-editor";

    /// <summary>Entering and correcting the holiday table behind the legal calendar (the State Council's yearly notice).</summary>
    public const string HolidayEditor = "holiday-editor";

    /// <summary>The roles each policy admits; null admits every signed-in user.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>?> RolesByPolicy { get; } = new Dictionary<string, IReadOnlyList<string>?>
    {
        [SignedIn] = null,
        [Staff] = Roles.Staff,
        [StaffOrOwnLiaison] = [.. Roles.Staff, Roles.Liaison],
        [NetworkWriter] = [Roles.ClueAdministrator, Roles.SystemAdministrator],
        [SystemAdministrator] = [Roles.SystemAdministrator],
        [ClueAdministrator] = [Roles.ClueAdministrator],
        [OutcomeRecorder] = [Roles.ClueAdministrator, Roles.HandlingProcurator, Roles.DepartmentHead, Roles.ChiefProcurator],
        [Liaison] = [Roles.Liaison],
        [Deployer] = [Roles.Supervisor, Roles.SystemAdministrator],
        [MailOutboxReader] = [Roles.ClueAdministrator, Roles.Supervisor, Roles.SystemAdministrator],
        [HolidayEditor] = [Roles.Supervisor, Roles.SystemAdministrator],
        [ClueEditor] = [Roles.ClueAdministrator],
    };

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            authorization.AddPolicy(name, policy =>
            {
                policy.RequireAuthenticatedUser();
                if (roles is not null)
                {
                    policy.RequireRole(roles);
                }
            });
        }
        return authorization;
    }

    /// <summary>Whether a user with <paramref name="roles"/> passes <paramref name="policy"/>.</summary>
    public static bool Admits(string policy, IEnumerable<string> roles) =>
        RolesByPolicy[policy] is not { } admitted || roles.Any(admitted.Contains);
}
