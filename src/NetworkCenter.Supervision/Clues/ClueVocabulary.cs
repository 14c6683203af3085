namespace NetworkCenter.Supervision.Clues;

/// <summary>The register's closed vocabularies, as stored and as sent over the API.</summary>
internal static class ClueVocabulary
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        ClueKinds.JudgmentSupervision, ClueKinds.JudicialMisconduct, ClueKinds.PublicInterest, ClueKinds.OutsideJurisdiction,
    };

    public static readonly IReadOnlySet<string> PublicInterestAreas = new HashSet<string>(StringComparer.Ordinal)
    {
        "land", "bankruptcy-restructuring", "improper-fees", "pollution", "other",
    };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        ClueStatuses.Draft, ClueStatuses.Registered, "triage", "assigned", "under-review", "filed", "not-filed", "referred", "closed",
        ClueStatuses.Merged,
    };

    /// <summary>What staff may declare; <c>email</c> is set only by the mailbox intake.</summary>
    public static readonly IReadOnlySet<string> DeclarableSources = new HashSet<string>(StringComparer.Ordinal)
    {
        SourceKinds.LiaisonOffice, SourceKinds.ReportingPoint, SourceKinds.Liaison, "walk-in", "letter", SourceKinds.Transfer, "12309",
    };

    public static readonly IReadOnlySet<string> PartyRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "applicant", "respondent", "third-party", "other",
    };

    public static readonly IReadOnlySet<string> PersonKinds = new HashSet<string>(StringComparer.Ordinal) { "natural", "legal" };
}

internal static class ClueKinds
{
    public const string JudgmentSupervision = "judgment-supervision";
    public const string JudicialMisconduct = "judicial-misconduct";
    public const string PublicInterest = "public-interest";
    public const string OutsideJurisdiction = "outside-jurisdiction";
}

internal static class ClueStatuses
{
    public const string Draft = "draft";
    public const string Registered = "registered";
    public const string Merged = "merged";
}

internal static class SourceKinds
{
    public const string LiaisonOffice = "liaison-office";
    public const string ReportingPoint = "reporting-point";
    public const string Liaison = "liaison";
    public const string Transfer = "transfer";
    public const string Email = "email";
}
