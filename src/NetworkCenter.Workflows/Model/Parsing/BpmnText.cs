using System.Text;
using System.Text.RegularExpressions;

namespace NetworkCenter.Workflows.Model.Parsing;

/// <summary>
/// Turns an uploaded file's bytes into text the way an XML reader would: a byte order mark first, else the encoding
/// the XML declaration names, else UTF-8. Bytes that are not valid in that encoding are refused rather than replaced,
/// so a mis-encoded file is never stored with its names silently turned into U+FFFD.
/// </summary>
public static partial class BpmnText
{
    static BpmnText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text, or why the bytes are not text (the text is then null).</summary>
    public static (string? Text, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bomLength) = Detect(bytes);
        if (encoding is null)
        {
            return (null, "the XML declaration names an encoding this service does not know");
        }

        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return (strict.GetString(bytes[bomLength..]), null);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index + bomLength}" : "";
            return (null, $"the file is not valid {encoding.WebName}{at}; save it as UTF-8");
        }
    }

    private static (Encoding? Encoding, int BomLength) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        // The declaration is ASCII in every encoding a BPMN file is saved in (UTF-16 is caught by its mark above).
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 200)]);
        var declared = DeclaredEncoding().Match(head);
        if (!declared.Success)
        {
            return (Encoding.UTF8, 0);
        }

        try
        {
            return (Encoding.GetEncoding(declared.Groups[1].Value), 0);
        }
        catch (ArgumentException)
        {
            return (null, 0);
        }
    }

    [GeneratedRegex("""^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]{0,40})["']""")]
    private static partial Regex DeclaredEncoding();
}
