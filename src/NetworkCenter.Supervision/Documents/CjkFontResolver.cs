using PdfSharp.Fonts;

namespace NetworkCenter.Supervision.Documents;

/// <summary>
/// PDFsharp's core build finds no fonts on Linux by itself; every face resolves to one CJK TrueType file from the OS,
/// with bold simulated, so Chinese and Latin text render with the same font.
/// </summary>
internal sealed class CjkFontResolver(string fontPath) : IFontResolver
{
    private const string FaceName = "networkcenter-cjk";
    private readonly Lazy<byte[]> _font = new(() => File.ReadAllBytes(fontPath));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _font.Value : null;

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void EnsureInstalled(DocumentOptions options)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver)
            {
                return;
            }
            var path = options.FontPath is { Length: > 0 } configured ? configured : DocumentOptions.KnownFonts.FirstOrDefault(File.Exists);
            if (path is null || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    "No CJK TrueType font for PDF documents: install Debian's fonts-arphic-gbsn00lp or set Documents:FontPath.");
            }
            GlobalFontSettings.FontResolver = new CjkFontResolver(path);
        }
    }
}
