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
        var ys = diagram.Shapes.SelectMany(s => new[] { s.Y, s.Y + s.Height }).Concat(diagram.Edges.SelectMany(e => e.Points.Select(p => p.Y))).ToList();
        var left = xs.Min() - LabelRoom;
        var top = ys.Min() - LabelRoom / 2;
        var diagramWidth = xs.Max() + LabelRoom - left;
        var diagramHeight = ys.Max() + LabelRoom - top;
        // Never blown up past 1.6: a three-step procedure should not fill the wall with giant boxes.
        var scale = Math.Min(1.6, Math.Min(area.Width / diagramWidth, area.Height / diagramHeight));
        var state = gfx.Save();
        gfx.TranslateTransform(area.X + (area.Width - diagramWidth * scale) / 2, area.Y + (area.Height - diagramHeight * scale) / 2);
        gfx.ScaleTransform(scale);
        gfx.TranslateTransform(-left, -top);
        var painter = new PosterPainter(gfx, english);
        // Containers first, so what they hold is drawn over them; boundary events last, over their task's border.
        foreach (var shape in diagram.Shapes.Where(s => PosterPainter.IsContainer(s)))
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
        gfx.Restore(state);
    }
}
