using System.IO.Compression;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>
/// What the register accepts: PDF, JPEG, PNG, DOCX, XLSX and plain text, each recognised by its bytes. The declared
/// type (or, when a client sends none or <c>application/octet-stream</c>, the file name's extension) must match what
/// the bytes are; a renamed executable is refused, not stored.
/// </summary>
internal static class AttachmentCheck
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf, [".jpg"] = Jpeg, [".jpeg"] = Jpeg, [".png"] = Png, [".docx"] = Docx, [".xlsx"] = Xlsx, [".txt"] = Text,
    };

    /// <summary>The accepted content type, or the reason the file is refused (to show beside its name).</summary>
    public static (string? ContentType, string? Problem) Check(IncomingAttachment file)
    {
        if (file.TooLarge)
        {
            return (null, $"is larger than the {IncomingAttachment.MaxBytes / (1024 * 1024)} MB limit");
        }
        if (file.Length == 0)
        {
            return (null, "is empty");
        }
        var declared = Declared(file);
        if (declared is null)
        {
            return (null, "is not an accepted type (PDF, JPEG, PNG, DOCX, XLSX or plain text)");
        }
        var actual = Sniff(file.OpenRead());
        return actual == declared
            ? (declared, null)
            : (null, $"is declared as {declared} but its content is {actual ?? "not an accepted type"}");
    }

    private static string? Declared(IncomingAttachment file)
    {
        var type = file.DeclaredType?.Split(';')[0].Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(type) || type == "application/octet-stream")
        {
            return ByExtension.GetValueOrDefault(Path.GetExtension(file.FileName));
        }
        return ByExtension.ContainsValue(type) ? type : null;
    }

    private static string? Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith("PK\u0003\u0004"u8)) return OfficeKind(content);
        return LooksLikeText(content) ? Text : null;
    }

    /// <summary>DOCX and XLSX are both zip packages; their main part tells them apart.</summary>
    private static string? OfficeKind(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            return "a zip archive";
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>No control bytes other than tab, line breaks, form feed and escape: UTF-8 and GB18030 text both pass.</summary>
    private static bool LooksLikeText(Stream content)
    {
        content.Position = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) return false;
                if (b == 0x7F) return false;
            }
        }
        return true;
    }
}
