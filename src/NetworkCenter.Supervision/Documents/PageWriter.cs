using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkCenter.Supervision.Documents;

/// <summary>Writes lines top to bottom on A4 pages, wrapping text to the margins and starting new pages as needed.</summary>
internal sealed class PageWriter(PdfDocument document) : IDisposable
{
    private const double Margin = 72;
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    private double Width => _page!.Width.Point - (2 * Margin);

    public void Centered(string text, XFont font)
    {
        var graphics = Ensure(font.GetHeight());
        graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, font.GetHeight()), XStringFormats.TopCenter);
        _y += font.GetHeight();
    }

    public void Wrapped(string text, XFont font)
    {
        var graphics = Ensure(font.GetHeight());
        foreach (var line in Wrap(graphics, text, font))
        {
            graphics = Ensure(font.GetHeight());
            graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + font.GetHeight() * 0.8));
            _y += font.GetHeight() * 1.4;
        }
    }

    public void Skip(double points) => _y += points;

    /// <summary>Starts a new page unless <paramref name="height"/> points are left on this one (keeps a heading with its table).</summary>
    public void KeepRoom(double height) => Ensure(height);

    /// <summary>
    /// Room for a drawing of <paramref name="height"/> points (a chart, a table row) at the left margin, on a new page
    /// when this one has too little left: the graphics and the rectangle to draw in.
    /// </summary>
    public (XGraphics Graphics, XRect Area) Reserve(double height)
    {
        var graphics = Ensure(height);
        var area = new XRect(Margin, _y, Width, height);
        _y += height;
        return (graphics, area);
    }

    /// <summary>Chinese has no spaces: a line may break after any CJK character, Latin text only at spaces.</summary>
    private IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font)
    {
        var line = "";
        var lastBreak = -1;
        foreach (var character in text)
        {
            var candidate = line + character;
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > Width)
            {
                if (!IsCjk(character) && lastBreak > 0)
                {
                    yield return line[..lastBreak].TrimEnd();
                    line = line[(lastBreak + 1)..] + character;
                }
                else
                {
                    yield return line;
                    line = character.ToString();
                }
                lastBreak = -1;
                continue;
            }
            line = candidate;
            if (character == ' ' || IsCjk(character))
            {
                lastBreak = line.Length - 1;
            }
        }
        if (line.Length > 0 || text.Length == 0)
        {
            yield return line;
        }
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private XGraphics Ensure(double height)
    {
        if (_graphics is null || _y + height > _page!.Height.Point - Margin)
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
        return _graphics;
    }

    public void Dispose() => _graphics?.Dispose();
}
