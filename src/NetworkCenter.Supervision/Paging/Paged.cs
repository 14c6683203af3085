using NetworkCenter.Supervision.Validation;

namespace NetworkCenter.Supervision.Paging;

/// <summary>One page of a list, with the total the filters match.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>A checked page request: 1-based page, at most <see cref="MaxPageSize"/> rows.</summary>
internal sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Limit => PageSize;

    public int Offset => (Page - 1) * PageSize;

    public static PageRequest Check(FieldErrors errors, int? page, int? pageSize)
    {
        if (page is < 1 or > 100_000)
        {
            errors.Add("page", FieldMessages.Range(1, 100000));
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", FieldMessages.Range(1, MaxPageSize));
        }
        return new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>A search text as an ILIKE pattern matching it anywhere, its own wildcards taken literally.</summary>
    public static string? Like(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
