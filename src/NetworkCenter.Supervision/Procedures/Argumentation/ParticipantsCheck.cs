using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Forms;
using NetworkCenter.Workflows.Localization;

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
            yield return Field("participantIds", ArgumentationMessages.TooFewParticipants(minimum, chosen.Count));
        }
        foreach (var id in chosen.Where(id => !proposed.Contains(id)))
        {
            yield return Field("participantIds", ArgumentationMessages.NotProposed(id));
        }
        var meetingAt = submitted["meetingAt"]?.ToString();
        if (!DateTimeOffset.TryParse(meetingAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            yield return Field("meetingAt", ArgumentationMessages.NotADateTime());
        }
        else if (at < now.AddDays(noticeDays))
        {
            yield return Field("meetingAt", ArgumentationMessages.TooSoon(
                noticeDays, now.AddDays(noticeDays).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }
    }

    private static FormFieldError Field(string field, ServerMessage message) => new(field, message.Text, message.Code);

    public static List<long> Ids(string? text) =>
        [.. (text ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).Distinct()];

    private static int? Number(JsonNode? node) =>
        long.TryParse(node?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (int)n
        : double.TryParse(node?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (int)d
        : null;
}
