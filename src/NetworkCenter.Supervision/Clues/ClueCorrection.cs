using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkCenter.Supervision.Clues;

/// <summary>
/// The fields a correction (<c>PATCH /api/clues/{id}</c>) gives, read from its JSON object: a field that is absent keeps
/// its value, <c>null</c> clears it. Lists (parties, agents) are given whole and replace the stored list. Each field
/// that has the wrong JSON type, and each field that cannot be corrected, is named in the errors.
/// </summary>
internal sealed record ClueCorrection
{
    public const string AssignedProcuratorId = "assignedProcuratorId";

    /// <summary>Not a field of the clue: true stores a correction that makes the clue look like another in the register.</summary>
    public const string CorrectAnywayField = "correctAnyway";

    /// <summary>The fields the duplicate check of a registration looks at; correcting one of them runs it again.</summary>
    public static readonly IReadOnlySet<string> MatterFields = new HashSet<string>(StringComparer.Ordinal) { "court", "caseNumber", "parties" };

    /// <summary>What the register records about the clue's own source (the first channel it arrived through).</summary>
    public static readonly IReadOnlySet<string> SourceFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "sourceKind", "officeId", "liaisonId", "sourceDetail",
    };

    private static readonly string[] TextFields = ["kind", "publicInterestArea", "court", "caseNumber", "judge", "summary", "sourceKind", "sourceDetail"];
    private static readonly string[] IdFields = ["officeId", "liaisonId", AssignedProcuratorId];

    public static readonly IReadOnlyList<string> Fields =
        [.. TextFields, .. IdFields, "judgmentDate", "amountInvolved", "parties", "agents"];

    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _ids = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Given { get; private init; } = [];
    public DateOnly? JudgmentDate { get; private set; }
    public decimal? AmountInvolved { get; private set; }
    public IReadOnlyList<PartyInput>? Parties { get; private set; }
    public IReadOnlyList<AgentInput>? Agents { get; private set; }
    public bool CorrectAnyway { get; private set; }

    public bool Gives(string field) => Given.Contains(field);

    public bool GivesSource => Given.Any(SourceFields.Contains);

    /// <summary>The corrected clue: <paramref name="current"/> with every given field replaced.</summary>
    public ClueInput ApplyTo(ClueInput current) => current with
    {
        Kind = Text("kind", current.Kind),
        PublicInterestArea = Text("publicInterestArea", current.PublicInterestArea),
        Court = Text("court", current.Court),
        CaseNumber = Text("caseNumber", current.CaseNumber),
        Judge = Text("judge", current.Judge),
        Summary = Text("summary", current.Summary),
        SourceKind = Text("sourceKind", current.SourceKind),
        SourceDetail = Text("sourceDetail", current.SourceDetail),
        OfficeId = Id("officeId", current.OfficeId),
        LiaisonId = Id("liaisonId", current.LiaisonId),
        JudgmentDate = Gives("judgmentDate") ? JudgmentDate : current.JudgmentDate,
        AmountInvolved = Gives("amountInvolved") ? AmountInvolved : current.AmountInvolved,
        Parties = Parties ?? current.Parties,
        Agents = Agents ?? current.Agents,
    };

    public long? Id(string field, long? current) => _ids.TryGetValue(field, out var value) ? value : current;

    private string? Text(string field, string? current) => _texts.TryGetValue(field, out var value) ? value : current;

    public static (ClueCorrection Correction, ProblemList Errors) Read(JsonObject body, JsonSerializerOptions json)
    {
        var errors = new ProblemList();
        var correction = new ClueCorrection { Given = [.. body.Select(p => p.Key)] };
        foreach (var (name, value) in body)
        {
            if (TextFields.Contains(name))
            {
                if (value is null || value.GetValueKind() == JsonValueKind.String)
                {
                    correction._texts[name] = value?.GetValue<string>();
                }
                else
                {
                    errors.Add(name, ClueMessages.TextOrNull());
                }
            }
            else if (IdFields.Contains(name))
            {
                if (value is null || (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<long>(out _)))
                {
                    correction._ids[name] = value?.GetValue<long>();
                }
                else
                {
                    errors.Add(name, ClueMessages.RecordIdOrNull());
                }
            }
            else if (name == "judgmentDate")
            {
                if (value is null)
                {
                    correction.JudgmentDate = null;
                }
                else if (value.GetValueKind() == JsonValueKind.String &&
                         DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    correction.JudgmentDate = date;
                }
                else
                {
                    errors.Add(name, ClueMessages.DateOrNull());
                }
            }
            else if (name == "amountInvolved")
            {
                if (value is null || (value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<decimal>(out _)))
                {
                    correction.AmountInvolved = value?.GetValue<decimal>();
                }
                else
                {
                    errors.Add(name, ClueMessages.YuanOrNull());
                }
            }
            else if (name is "parties" or "agents")
            {
                ReadList(correction, name, value, json, errors);
            }
            else if (name == CorrectAnywayField)
            {
                if (value is not null && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    correction.CorrectAnyway = value.GetValue<bool>();
                }
                else
                {
                    errors.Add(name, ClueMessages.TrueOrFalse());
                }
            }
            else
            {
                errors.Add(name, ClueMessages.NotCorrectable(Fields));
            }
        }
        return (correction, errors);
    }

    private static void ReadList(ClueCorrection correction, string name, JsonNode? value, JsonSerializerOptions json, ProblemList errors)
    {
        if (value is not JsonArray)
        {
            errors.Add(name, ClueMessages.WholeList());
            return;
        }
        try
        {
            if (name == "parties")
            {
                correction.Parties = value.Deserialize<List<PartyInput>>(json) ?? [];
            }
            else
            {
                correction.Agents = value.Deserialize<List<AgentInput>>(json) ?? [];
            }
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..] : "";
            errors.Add(name + path, ClueMessages.ListItemValue());
        }
    }
}
