using System.Globalization;
using PdfSharp.Drawing;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>
/// The report's charts, drawn with PDFsharp's own graphics (no charting library on the server): horizontal bars, whose
/// labels may be long Chinese words, and a line chart for the months. Every chart has its table printed beside it.
/// </summary>
internal static class ReportCharts
{
    private static readonly XColor[] Palette = [XColor.FromArgb(0x1F, 0x5F, 0x9E), XColor.FromArgb(0xC0, 0x5A, 0x1A), XColor.FromArgb(0x3A, 0x8A, 0x4A)];

    public static double BarHeight(int bars) => Math.Max(1, bars) * 18 + 6;

    public static void Bars(XGraphics graphics, XRect area, IReadOnlyList<(string Label, double Value)> bars, XFont font)
    {
        var labelWidth = area.Width * 0.38;
        var valueWidth = 60;
        var barArea = area.Width - labelWidth - valueWidth;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var brush = new XSolidBrush(Palette[0]);
        for (var i = 0; i < bars.Count; i++)
        {
            var top = area.Top + 3 + (i * 18);
            graphics.DrawString(bars[i].Label, font, XBrushes.Black, new XRect(area.Left, top, labelWidth - 6, 16), XStringFormats.CenterRight);
            var width = max <= 0 ? 0 : barArea * bars[i].Value / max;
            if (width > 0)
            {
                graphics.DrawRectangle(brush, area.Left + labelWidth, top + 2, width, 12);
            }
            graphics.DrawString(Number(bars[i].Value), font, XBrushes.Black,
                new XRect(area.Left + labelWidth + width + 4, top, valueWidth, 16), XStringFormats.CenterLeft);
        }
        graphics.DrawLine(XPens.Gray, area.Left + labelWidth, area.Top, area.Left + labelWidth, area.Bottom);
    }

    /// <summary>One line per series over the same labelled points, with a zero-based axis and a legend.</summary>
    public static void Lines(XGraphics graphics, XRect area, IReadOnlyList<string> labels,
        IReadOnlyList<(string Name, IReadOnlyList<double> Values)> series, XFont font)
    {
        var plot = new XRect(area.Left + 36, area.Top + 18, area.Width - 62, area.Height - 40);
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var step = NiceStep(max);
        var top = Math.Ceiling(max / step) * step;
        for (var value = 0d; value <= top + 1e-9; value += step)
        {
            var y = plot.Bottom - (plot.Height * value / top);
            graphics.DrawLine(value == 0 ? XPens.Gray : XPens.LightGray, plot.Left, y, plot.Right, y);
            graphics.DrawString(Number(value), font, XBrushes.Black, new XRect(area.Left, y - 8, 32, 16), XStringFormats.CenterRight);
        }
        var dx = labels.Count > 1 ? plot.Width / (labels.Count - 1) : 0;
        for (var i = 0; i < labels.Count; i++)
        {
            graphics.DrawString(labels[i], font, XBrushes.Black, new XRect(plot.Left + (i * dx) - 20, plot.Bottom + 4, 40, 14), XStringFormats.TopCenter);
        }
        for (var s = 0; s < series.Count; s++)
        {
            var pen = new XPen(Palette[s % Palette.Length], 1.8);
            var points = series[s].Values.Select((v, i) => new XPoint(plot.Left + (i * dx), plot.Bottom - (plot.Height * v / top))).ToArray();
            if (points.Length > 1)
            {
                graphics.DrawLines(pen, points);
            }
            foreach (var point in points)
            {
                graphics.DrawEllipse(new XSolidBrush(Palette[s % Palette.Length]), point.X - 2, point.Y - 2, 4, 4);
            }
            var legendX = area.Left + 40 + (s * 110);
            graphics.DrawRectangle(new XSolidBrush(Palette[s % Palette.Length]), legendX, area.Top + 3, 10, 10);
            graphics.DrawString(series[s].Name, font, XBrushes.Black, new XRect(legendX + 14, area.Top, 90, 16), XStringFormats.CenterLeft);
        }
    }

    private static double NiceStep(double max)
    {
        var raw = max / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1d, 2d, 5d, 10d }.Select(f => f * magnitude).First(s => s >= raw);
        return Math.Max(1, step);
    }

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "#,0" : "#,0.0", CultureInfo.InvariantCulture);
}
