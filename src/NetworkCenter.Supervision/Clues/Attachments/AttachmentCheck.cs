using System.IO.Compression;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Supervision.Clues.Attachments;

/// <summary>
/// What the register accepts: what liaisons send with a clue — judgments and applications as PDF, Word (DOC, DOCX)
/// or scans (JPEG, PNG), accounts as Excel (XLS, XLSX), notes as plain text. A file passes only when three things
/// agree: its extension is on the list, its declared type (none and <c>application/octet-stream</c> defer to the
/// extension) is the one the extension stands for, and its bytes are that type. Office files carrying macros are
/// refused. A renamed executable or web page is refused, not stored, and never served back under a trusted name.
/// </summary>
internal static class AttachmentCheck
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Doc = "application/msword";
    public const string Xls = "application/vnd.ms-excel";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain";

    private const string Accepted = ".pdf, .jpg, .jpeg, .png, .doc, .docx, .xls, .xlsx, .txt";
    private const string WithMacros = "an Office file with macros";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf, [".jpg"] = Jpeg, [".jpeg"] = Jpeg, [".png"] = Png, [".doc"] = Doc, [".docx"] = Docx,
        [".xls"] = Xls, [".xlsx"] = Xlsx, [".txt"] = Text,
    };

    /// <summary>The accepted content type, or the reason the file is refused, naming it, in the request's language.</summary>
    public static (string? ContentType, ServerMessage? Problem) Check(IncomingAttachment file)
    {
        if (file.TooLarge)
        {
            return (null, UploadMessages.TooLarge(file.FileName, (int)(IncomingAttachment.MaxBytes / (1024 * 1024))));
        }
        if (file.Length == 0)
        {
            return (null, UploadMessages.Empty(file.FileName));
        }
        var extension = Path.GetExtension(file.FileName);
        if (!ByExtension.TryGetValue(extension, out var named))
        {
            return (null, extension.Length == 0
                ? UploadMessages.NoExtension(file.FileName, Accepted)
                : UploadMessages.Extension(file.FileName, extension, Accepted));
        }
        var declared = file.DeclaredType?.Split(';')[0].Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(declared) && declared != "application/octet-stream" && declared != named)
        {
            return (null, ByExtension.ContainsValue(declared)
                ? UploadMessages.DeclaredOther(file.FileName, declared, extension, named)
                : UploadMessages.DeclaredUnknown(file.FileName, declared));
        }
        var actual = Sniff(file.OpenRead());
        return actual == named
            ? (named, null)
            : (null, actual == WithMacros
                ? UploadMessages.Macros(file.FileName)
                : UploadMessages.Content(file.FileName, extension, named, actual));
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
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return CompoundFileKind(content);
        return LooksLikeText(content) ? Text : null;
    }

    /// <summary>DOCX and XLSX are both zip packages; their main part tells them apart, a VBA part marks macros.</summary>
    private static string? OfficeKind(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("word/vbaProject.bin") is not null || zip.GetEntry("xl/vbaProject.bin") is not null) return WithMacros;
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            return "a zip archive";
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// DOC and XLS are OLE compound files; the names of their streams tell them apart (WordDocument, Workbook or Book)
    /// and a Macros or _VBA_PROJECT_CUR storage marks macros. Directory entries are 128-byte records aligned to sectors,
    /// so the scan reads names only where an entry can start, not from the document's text.
    /// </summary>
    private static string CompoundFileKind(Stream content)
    {
        var names = CompoundFileNames.Read(content);
        if (names.Contains("Macros") || names.Contains("_VBA_PROJECT_CUR")) return WithMacros;
        if (names.Contains("WordDocument")) return Doc;
        if (names.Contains("Workbook") || names.Contains("Book")) return Xls;
        return "an OLE compound file that is neither Word nor Excel";
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
