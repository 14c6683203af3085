namespace NetworkCenter.Supervision.Network;

/// <summary>The closed lists of the network's records, as stored and as accepted by the API.</summary>
public static class Vocabulary
{
    public static IReadOnlyList<string> OfficeKinds { get; } = ["liaison-office", "reporting-point"];

    /// <summary>The units that host offices and points (DOMAIN.md).</summary>
    public static IReadOnlyList<string> HostUnitKinds { get; } =
    [
        "npc", "cppcc", "discipline-inspection", "political-legal", "comprehensive-management", "petition",
        "judicial-bureau", "township-legal-service", "legal-aid", "law-firm", "other",
    ];

    /// <summary>Liaisons grouped by expertise (evaluation, argumentation) or by reach (grassroots, NPC, CPPCC, discipline).</summary>
    public static IReadOnlyList<string> LiaisonGroups { get; } =
        ["evaluation", "argumentation", "grassroots", "npc", "cppcc", "discipline-inspection"];

    /// <summary>Whom a liaison declares ties to: the grounds for recusal from argumentation meetings.</summary>
    public static IReadOnlyList<string> TieKinds { get; } = ["party", "judge", "lawyer", "law-firm", "other"];
}
