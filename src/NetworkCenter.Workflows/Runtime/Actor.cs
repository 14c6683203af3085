namespace NetworkCenter.Workflows.Runtime;

/// <summary>Who asks for a command: the user id (recorded in the journal) and the groups that may hold candidate tasks.</summary>
public sealed record Actor(string Id, IReadOnlySet<string> Groups)
{
    /// <summary>Members of this group may act on any task.</summary>
    public const string AdministratorGroup = "system-administrator";

    public bool IsAdministrator => Groups.Contains(AdministratorGroup);
}
