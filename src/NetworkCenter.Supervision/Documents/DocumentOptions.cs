namespace NetworkCenter.Supervision.Documents;

/// <summary>Settings under <c>Documents</c>: how written notices and briefs are made into PDF.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// A TrueType font with both CJK and Latin glyphs (a Song face suits official letters). When empty, Debian's
    /// fonts-arphic-gbsn00lp is used.
    /// </summary>
    public string? FontPath { get; set; }

    internal static readonly string[] KnownFonts =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    ];
}
