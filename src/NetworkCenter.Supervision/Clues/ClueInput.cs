namespace NetworkCenter.Supervision.Clues;

/// <summary>A clue as staff or a liaison submit it. Dates are typed: a malformed one fails JSON reading with its path.</summary>
internal sealed record ClueInput(
    string? SourceKind,
    long? OfficeId,
    long? LiaisonId,
    string? SourceDetail,
    DateTimeOffset? ReceivedAt,
    string? Kind,
    string? PublicInterestArea,
    IReadOnlyList<PartyInput>? Parties,
    string? Court,
    string? CaseNumber,
    DateOnly? JudgmentDate,
    string? Judge,
    IReadOnlyList<AgentInput>? Agents,
    string? Summary,
    decimal? AmountInvolved,
    ReporterInput? Reporter,
    bool RegisterAnyway = false);

internal sealed record PartyInput(string? Role, string? PersonKind, string? Name, string? IdNumber, string? Phone, string? Email, string? Address);

internal sealed record AgentInput(string? Name, string? LawFirm, string? Phone);

internal sealed record ReporterInput(string? Name, string? IdNumber, string? Phone, string? Email);
