using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Forms;

namespace NetworkCenter.Supervision.Procedures.Argumentation;

/// <summary>
/// The department head's confirmation (<c>confirm-participants</c>): at least <c>minimumParticipants</c> liaisons, all
/// among those proposed (so no tied liaison can be added back), and a meeting date at least <c>noticeDays</c> days
/// away, since the brief goes out now. Both numbers come from the definition.
/// </summary>
internal sealed class ParticipantsCheck : ITaskCompletionCheck
{
    public const string FormKey = "confirm-participants";

    public IEnumerable<FormFieldError> Check(string formKey, JsonObject submitted, JsonObject variables, DateTimeOffset now)
    {
        if (formKey != FormKey)
        {
            yield break;
        }
        var minimum = Number(variables["minimumParticipants"]) ?? 3;
        var noticeDays = Number(variables["noticeDays"]) ?? 7;
        var proposed = (variables["proposedParticipantIds"] as JsonArray ?? []).Select(Number).OfType<int>().Select(i => (long)i).ToHashSet();
        var chosen = Ids(submitted["participantIds"]?.ToString());
        if (chosen.Count < minimum)
        {
            yield return new FormFieldError("participantIds", $"at least {minimum} participants are needed, {chosen.Count} chosen");
        }
        foreach (var id in chosen.Where(id => !proposed.Contains(id)))
        {
            yield return new FormFieldError("participantIds", $"liaison {id} was not proposed: unknown, without the expertise, or recused for declared ties");
        }
        var meetingAt = submitted["meetingAt"]?.ToString();
        if (!DateTimeOffset.TryParse(meetingAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            yield return new FormFieldError("meetingAt", "is not a date and time");
        }
        else if (at < now.AddDays(noticeDays))
        {
            yield return new FormFieldError("meetingAt",
                $"must be at least {noticeDays} days after the brief is sent (not before {now.AddDays(noticeDays).ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm})");
        }
    }

    public static List<long> Ids(string? text) =>
        [.. (text ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).Distinct()];

    private static int? Number(JsonNode? node) =>
        long.TryParse(node?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (int)n
        : double.TryParse(node?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (int)d
        : null;
}
