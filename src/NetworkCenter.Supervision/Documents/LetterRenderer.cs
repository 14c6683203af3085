using Fluid;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Mail.Templates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkCenter.Supervision.Documents;

/// <summary>
/// Written notices and briefs as PDF: a Liquid template <c>letters/{name}.{language}.liquid</c> renders text whose
/// first line is the title and whose blank-line separated blocks are paragraphs; the text is laid out on A4 pages.
/// </summary>
public sealed class LetterRenderer(IOptions<TemplateDirectoryOptions> templates, IOptions<DocumentOptions> documents)
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateCache<IFluidTemplate> _cache = new();

    public async Task<byte[]> RenderAsync(string name, string language, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var template = _cache.Get(TemplateFiles.Resolve(templates.Value, "letters", $"{name}.{language}.liquid"),
            path => TemplateFiles.Parse(Parser, path, File.ReadAllText(path)));
        var text = (await template.RenderAsync(LiquidContext.For(data))).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        cancellationToken.ThrowIfCancellationRequested();
        var lines = text.Split('\n');
        var paragraphs = string.Join('\n', lines.Skip(1)).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Layout(lines[0].TrimStart('#', ' '), paragraphs);
    }

    private byte[] Layout(string title, IReadOnlyList<string> paragraphs)
    {
        CjkFontResolver.EnsureInstalled(documents.Value);
        using var document = new PdfDocument();
        document.Info.Title = title;
        var titleFont = new XFont("cjk", 18, XFontStyleEx.Bold);
        var bodyFont = new XFont("cjk", 12, XFontStyleEx.Regular);
        var page = new PageWriter(document);
        page.Centered(title, titleFont);
        page.Skip(18);
        foreach (var paragraph in paragraphs)
        {
            foreach (var line in paragraph.Split('\n'))
            {
                page.Wrapped(line, bodyFont);
            }
            page.Skip(8);
        }
        page.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
