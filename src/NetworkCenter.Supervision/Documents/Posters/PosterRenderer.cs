using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkCenter.Supervision.Documents.Posters;

/// <summary>
/// A procedure as a one-page PDF for the reception-room wall: the title on top, the diagram as its BPMNDI lays it out,
/// scaled to fit a landscape A4 or A3 sheet, drawn in BPMN's own notation with the CJK font of the letters.
/// </summary>
public sealed class PosterRenderer(IOptions<DocumentOptions> documents)
{
    private const double Margin = 36;
    private const double TitleHeight = 44;
    private const double FooterHeight = 18;
    // Room around the shapes for the labels drawn below events and gateways.
    private const double LabelRoom = 40;

    public byte[] Render(PosterDiagram diagram, string subtitle, string footer, PageSize paper, bool english)
    {
        CjkFontResolver.EnsureInstalled(documents.Value);
        using var document = new PdfDocument();
        document.Info.Title = diagram.Title;
        var page = document.AddPage();
        page.Size = paper;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var height = page.Height.Point;
            gfx.DrawString(diagram.Title, new XFont("cjk", 20, XFontStyleEx.Bold), XBrushes.Black,
                new XRect(Margin, Margin, width - 2 * Margin, 26), XStringFormats.TopCenter);
            gfx.DrawString(subtitle, new XFont("cjk", 10), XBrushes.DimGray,
                new XRect(Margin, Margin + 26, width - 2 * Margin, 14), XStringFormats.TopCenter);
            gfx.DrawString(footer, new XFont("cjk", 8), XBrushes.Gray,
                new XRect(Margin, height - Margin - FooterHeight + 6, width - 2 * Margin, 12), XStringFormats.BottomRight);
            var area = new XRect(Margin, Margin + TitleHeight, width - 2 * Margin, height - 2 * Margin - TitleHeight - FooterHeight);
            DrawDiagram(gfx, diagram, area, english);
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void DrawDiagram(XGraphics gfx, PosterDiagram diagram, XRect area, bool english)
    {
        var xs = diagram.Shapes.SelectMany(s => new[] { s.X, s.X + s.Width }).Concat(diagram.Edges.SelectMany(e => e.Points.Select(p => p.X))).ToList();
        var left = xs.Min() - LabelRoom;
        var diagramWidth = xs.Max() + LabelRoom - left;
        // The generated layouts run left to right in one long row; fitted whole, its text would be unreadable. So a
        // wide diagram is cut into rows stacked down the sheet, as many as make it largest, cut where no shape is.
        var layout = Enumerable.Range(1, MaxRows).Select(n =>
        {
            var cuts = Cuts(diagram, left, diagramWidth, n);
            var bands = Enumerable.Range(0, n).Select(i => Band(diagram, cuts[i], cuts[i + 1])).ToList();
            var scale = Math.Min(area.Width / bands.Max(b => b.Width), (area.Height - (n - 1) * RowGap) / bands.Sum(b => b.Height));
            return (Bands: bands, Scale: scale);
        }).MaxBy(option => option.Scale);
        var scale = Math.Min(MaxScale, layout.Scale);
        var bands = layout.Bands;
        var rowWidth = bands.Max(b => b.Width);
        var y = area.Y + (area.Height - (bands.Sum(b => b.Height) * scale + (bands.Count - 1) * RowGap)) / 2;
        var note = new XFont("cjk", 8);
        for (var row = 0; row < bands.Count; row++)
        {
            var band = bands[row];
            var x = area.X + (area.Width - rowWidth * scale) / 2;
            var state = gfx.Save();
            gfx.IntersectClip(new XRect(x, y, band.Width * scale, band.Height * scale));
            gfx.TranslateTransform(x, y);
            gfx.ScaleTransform(scale);
            gfx.TranslateTransform(-band.X, -band.Y);
            Paint(new PosterPainter(gfx, english), diagram);
            gfx.Restore(state);
            if (row < bands.Count - 1)
            {
                gfx.DrawString(english ? "continued below ↓" : "接下行 ↓", note, XBrushes.DimGray,
                    new XRect(x, y + band.Height * scale, band.Width * scale, RowGap), XStringFormats.CenterRight);
            }
            y += band.Height * scale + RowGap;
        }
    }

    /// <summary>The part of the diagram between two cuts, as high as what lies in it.</summary>
    private static XRect Band(PosterDiagram diagram, double from, double to)
    {
        bool Inside(double x) => x >= from && x <= to;
        var ys = diagram.Shapes.Where(s => Inside(s.X) || Inside(s.X + s.Width) || (s.X < from && s.X + s.Width > to))
            .SelectMany(s => new[] { s.Y, s.Y + s.Height })
            .Concat(diagram.Edges.SelectMany(e => e.Points.Zip(e.Points.Skip(1)))
                .Where(segment => Math.Min(segment.First.X, segment.Second.X) <= to && Math.Max(segment.First.X, segment.Second.X) >= from)
                .SelectMany(segment => new[] { segment.First.Y, segment.Second.Y }))
            .DefaultIfEmpty(0).ToList();
        return new XRect(from, ys.Min() - LabelRoom / 2, to - from, ys.Max() - ys.Min() + LabelRoom * 1.5);
    }

    private const int MaxRows = 5;
    private const double RowGap = 14;
    // Never blown up past 1.6: a three-step procedure should not fill the wall with giant boxes.
    private const double MaxScale = 1.6;

    /// <summary>Row boundaries in diagram units: near equal widths, each moved to the nearest x that crosses no shape.</summary>
    private static double[] Cuts(PosterDiagram diagram, double left, double width, int rows)
    {
        var cuts = new double[rows + 1];
        cuts[0] = left;
        cuts[rows] = left + width;
        // Events and gateways carry their names below them, wider than the shape.
        var occupied = diagram.Shapes.Where(s => !PosterPainter.IsContainer(s))
            .Select(s => s.Width < 60 && s.Name is not null ? (From: s.X - 42, To: s.X + s.Width + 42) : (From: s.X - 12, To: s.X + s.Width + 12)).ToList();
        for (var i = 1; i < rows; i++)
        {
            var ideal = left + width * i / rows;
            var free = occupied.Select(o => o.To).Concat(occupied.Select(o => o.From)).Append(ideal)
                .Where(x => x > cuts[i - 1] + 20 && !occupied.Any(o => x > o.From && x < o.To))
                .DefaultIfEmpty(ideal);
            cuts[i] = free.MinBy(x => Math.Abs(x - ideal));
        }
        return cuts;
    }

    private static void Paint(PosterPainter painter, PosterDiagram diagram)
    {
        // Containers first, so what they hold is drawn over them; boundary events last, over their task's border.
        foreach (var shape in diagram.Shapes.Where(PosterPainter.IsContainer))
        {
            painter.Container(shape);
        }
        foreach (var edge in diagram.Edges)
        {
            painter.Edge(edge);
        }
        foreach (var shape in diagram.Shapes.Where(s => !PosterPainter.IsContainer(s)).OrderBy(s => s.Kind == "boundaryEvent"))
        {
            painter.Shape(shape);
        }
    }
}
