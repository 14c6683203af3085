using System.Globalization;
using System.Text.Json.Nodes;
using NetworkCenter.Workflows.Runtime;

namespace NetworkCenter.Supervision.Procedures;

/// <summary>The variables every procedure carries (<c>clueId</c>, <c>procurator</c>) and the names it signs with.</summary>
internal static class ProcedureVariables
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The clue: the <c>clueId</c> variable, else the business key.</summary>
    public static long ClueId(this ServiceTaskContext context)
    {
        var text = context.Variables["clueId"] switch
        {
            JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
            JsonValue value when value.TryGetValue<double>(out var number) => ((long)number).ToString(CultureInfo.InvariantCulture),
            { } node => node.ToString(),
            null => context.BusinessKey,
        };
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"Instance {context.InstanceId} has neither a clueId variable nor a numeric business key.");
    }

    public static string Required(this ServiceTaskContext context, string name) =>
        context.GetString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"'{context.ElementId}' needs the variable '{name}', which the definition sets.");

    /// <summary>Dates in letters and mail are the procuratorate's: China Standard Time.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(ChinaStandardTime);

    public static string CenterName(string language) =>
        language == "en" ? "Civil-Administrative Legal Supervision Information Network Center" : "民事行政法律监督信息网络中心";

    /// <summary>A key for a decision of this element of this instance, with a recipient where one element mails several.</summary>
    public static string Key(this ServiceTaskContext context, string? recipient = null) =>
        recipient is null ? $"{context.InstanceId:N}:{context.ElementId}" : $"{context.InstanceId:N}:{context.ElementId}:{recipient}";
}
