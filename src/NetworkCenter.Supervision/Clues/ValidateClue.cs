using System.Net.Mail;
using System.Text.RegularExpressions;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// The checks that need no database, every problem at once, keyed by the field's JSON path (<c>parties[0].idNumber</c>)
/// so problem details name each field. Text is kept as given (HTML included): it is data, encoded where it is shown.
/// </summary>
internal static partial class ValidateClue
{
    public const int MaxSummary = 20_000;
    private static readonly DateOnly EarliestJudgment = new(1949, 10, 1);

    public static ProblemList Check(ClueInput clue, DateTimeOffset now, bool sourceFromCaller)
    {
        var errors = new ProblemList();
        if (sourceFromCaller)
        {
            CheckSource(clue, errors);
        }
        if (clue.ReceivedAt is { } received && received > now.AddMinutes(5))
        {
            errors.Add("receivedAt", ClueMessages.InTheFuture());
        }
        if (string.IsNullOrWhiteSpace(clue.Kind))
        {
            errors.Add("kind", ClueMessages.Required());
        }
        else if (!ClueVocabulary.Kinds.Contains(clue.Kind))
        {
            errors.Add("kind", ClueMessages.OneOf(ClueVocabulary.Kinds));
        }
        if (clue.Kind == ClueKinds.PublicInterest)
        {
            if (clue.PublicInterestArea is null || !ClueVocabulary.PublicInterestAreas.Contains(clue.PublicInterestArea))
            {
                errors.Add("publicInterestArea", ClueMessages.AreaRequired(ClueVocabulary.PublicInterestAreas));
            }
        }
        else if (clue.PublicInterestArea is not null)
        {
            errors.Add("publicInterestArea", ClueMessages.AreaOnlyForPublicInterest());
        }
        if (clue.Kind == ClueKinds.JudgmentSupervision)
        {
            // A judgment is identified by its court and case number; without them it cannot be reviewed or de-duplicated.
            if (string.IsNullOrWhiteSpace(clue.Court)) errors.Add("court", ClueMessages.RequiredForJudgment());
            if (string.IsNullOrWhiteSpace(clue.CaseNumber)) errors.Add("caseNumber", ClueMessages.RequiredForJudgment());
        }
        Text(errors, "court", clue.Court, 200);
        Text(errors, "caseNumber", clue.CaseNumber, 100);
        Text(errors, "judge", clue.Judge, 100);
        if (clue.JudgmentDate is { } judged && (judged < EarliestJudgment || judged > DateOnly.FromDateTime(now.ToOffset(RegisterNumbers.ChinaOffset).Date)))
        {
            errors.Add("judgmentDate", ClueMessages.PastDate());
        }
        if (string.IsNullOrWhiteSpace(clue.Summary))
        {
            errors.Add("summary", ClueMessages.Required());
        }
        Text(errors, "summary", clue.Summary, MaxSummary);
        if (clue.AmountInvolved is { } amount && (amount < 0 || amount > 9_999_999_999_999m || decimal.Round(amount, 2) != amount))
        {
            errors.Add("amountInvolved", ClueMessages.Amount());
        }
        CheckParties(clue.Parties ?? [], errors);
        CheckAgents(clue.Agents ?? [], errors);
        if (clue.Reporter is { } reporter)
        {
            Text(errors, "reporter.name", reporter.Name, 100);
            if (reporter.IdNumber is { Length: > 0 } id && !IsResidentId(id)) errors.Add("reporter.idNumber", ClueMessages.NotResidentId());
            Phone(errors, "reporter.phone", reporter.Phone);
            Email(errors, "reporter.email", reporter.Email);
        }
        return errors;
    }

    private static void CheckSource(ClueInput clue, ProblemList errors)
    {
        if (string.IsNullOrWhiteSpace(clue.SourceKind))
        {
            errors.Add("sourceKind", ClueMessages.Required());
            return;
        }
        if (!ClueVocabulary.DeclarableSources.Contains(clue.SourceKind))
        {
            errors.Add("sourceKind", ClueMessages.OneOf(ClueVocabulary.DeclarableSources));
            return;
        }
        switch (clue.SourceKind)
        {
            case SourceKinds.LiaisonOffice or SourceKinds.ReportingPoint when clue.OfficeId is null:
                errors.Add("officeId", ClueMessages.OfficeRequired(clue.SourceKind));
                break;
            case SourceKinds.Liaison when clue.LiaisonId is null:
                errors.Add("liaisonId", ClueMessages.LiaisonRequired());
                break;
            case SourceKinds.Transfer when string.IsNullOrWhiteSpace(clue.SourceDetail):
                errors.Add("sourceDetail", ClueMessages.TransferDepartment());
                break;
        }
        Text(errors, "sourceDetail", clue.SourceDetail, 200);
    }

    private static void CheckParties(IReadOnlyList<PartyInput> parties, ProblemList errors)
    {
        if (parties.Count > 50) errors.Add("parties", ClueMessages.AtMostParties(50));
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            var at = $"parties[{i}]";
            if (party is null)
            {
                errors.Add(at, ClueMessages.NotNull());
                continue;
            }
            if (party.Role is null || !ClueVocabulary.PartyRoles.Contains(party.Role))
                errors.Add($"{at}.role", ClueMessages.OneOf(ClueVocabulary.PartyRoles));
            if (party.PersonKind is null || !ClueVocabulary.PersonKinds.Contains(party.PersonKind))
                errors.Add($"{at}.personKind", ClueMessages.PersonKind());
            if (string.IsNullOrWhiteSpace(party.Name)) errors.Add($"{at}.name", ClueMessages.Required());
            Text(errors, $"{at}.name", party.Name, 200);
            if (party.IdNumber is { Length: > 0 } id)
            {
                if (party.PersonKind == "natural" && !IsResidentId(id))
                    errors.Add($"{at}.idNumber", ClueMessages.NotPartyResidentId());
                else if (party.PersonKind == "legal" && !CreditCode().IsMatch(id))
                    errors.Add($"{at}.idNumber", ClueMessages.NotCreditCode());
            }
            Phone(errors, $"{at}.phone", party.Phone);
            Email(errors, $"{at}.email", party.Email);
            Text(errors, $"{at}.address", party.Address, 300);
        }
    }

    private static void CheckAgents(IReadOnlyList<AgentInput> agents, ProblemList errors)
    {
        if (agents.Count > 20) errors.Add("agents", ClueMessages.AtMostAgents(20));
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            if (agent is null || string.IsNullOrWhiteSpace(agent.Name))
            {
                errors.Add($"agents[{i}].name", ClueMessages.Required());
                continue;
            }
            Text(errors, $"agents[{i}].name", agent.Name, 100);
            Text(errors, $"agents[{i}].lawFirm", agent.LawFirm, 200);
            Phone(errors, $"agents[{i}].phone", agent.Phone);
        }
    }

    /// <summary>GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsResidentId(string id)
    {
        if (!ResidentId().IsMatch(id)) return false;
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == char.ToUpperInvariant(id[17]);
    }

    private static void Text(ProblemList errors, string field, string? value, int max)
    {
        if (value is { Length: > 0 } && value.Length > max) errors.Add(field, ClueMessages.TooLong(max));
    }

    private static void Phone(ProblemList errors, string field, string? value)
    {
        if (value is { Length: > 0 } && !PhoneNumber().IsMatch(value)) errors.Add(field, ClueMessages.NotPhone());
    }

    private static void Email(ProblemList errors, string field, string? value)
    {
        if (value is { Length: > 0 } && (value.Length > 254 || !MailAddress.TryCreate(value, out _))) errors.Add(field, ClueMessages.NotEmail());
    }

    [GeneratedRegex(@"^\d{17}[\dXx]$")]
    private static partial Regex ResidentId();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex CreditCode();

    [GeneratedRegex(@"^\+?[\d\- ()]{5,20}$")]
    private static partial Regex PhoneNumber();
}
