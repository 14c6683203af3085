namespace NetworkCenter.Supervision.Accounts;

/// <summary>The roles of DOMAIN.md, as claim values and as the engine's candidate groups.</summary>
public static class Roles
{
    public const string ClueAdministrator = "clue-administrator";
    public const string HandlingProcurator = "handling-procurator";
    public const string DepartmentHead = "department-head";
    public const string ChiefProcurator = "chief-procurator";
    public const string CommitteeSecretary = "committee-secretary";
    public const string Supervisor = "supervisor";
    public const string SystemAdministrator = "system-administrator";
    public const string Liaison = "liaison";

    /// <summary>Every staff role; the seeded <c>admin</c> holds them all.</summary>
    public static IReadOnlyList<string> Staff { get; } =
        [ClueAdministrator, HandlingProcurator, DepartmentHead, ChiefProcurator, CommitteeSecretary, Supervisor, SystemAdministrator];
}
