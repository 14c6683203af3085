using System.Globalization;
using Microsoft.Extensions.Options;
using NetworkCenter.Supervision.Documents;
using NetworkCenter.Supervision.Procedures;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NetworkCenter.Supervision.MonthlyReport;

/// <summary>Who a report is for: the network's members see the liaison ranking and the administrator's analysis.</summary>
public enum ReportAudience
{
    Members,

    /// <summary>The county people's congress: figures only, aggregated, with no person named and no free text.</summary>
    Congress,
}

/// <summary>The monthly report as a PDF: key figures, then each chart with its table under it, then (for members) the ranking.</summary>
public sealed class ReportDocument(IOptions<DocumentOptions> documents)
{
    public byte[] Render(ReportFigures figures, ReportAudience audience, string language, string? commentary, DateTimeOffset builtAt)
    {
        CjkFontResolver.EnsureInstalled(documents.Value);
        var labels = new ReportLabels(language);
        var congress = audience == ReportAudience.Congress;
        using var document = new PdfDocument();
        var title = labels[congress ? "title.congress" : "title.members"];
        document.Info.Title = $"{title} {figures.Month}";
        var titleFont = new XFont("cjk", 16, XFontStyleEx.Bold);
        var headingFont = new XFont("cjk", 12.5, XFontStyleEx.Bold);
        var bodyFont = new XFont("cjk", 10.5, XFontStyleEx.Regular);
        var smallFont = new XFont("cjk", 8.5, XFontStyleEx.Regular);
        var page = new PageWriter(document);
        page.Centered(title, titleFont);
        page.Skip(6);
        page.Centered($"{labels["period"]}: {labels.Month(figures.Month)}", bodyFont);
        page.Skip(12);
        if (congress)
        {
            page.Wrapped(labels["congress.note"], smallFont);
            page.Skip(6);
        }

        Heading(page, labels["summary"], headingFont);
        Table(page, bodyFont, [0.7, 0.3], [labels["item"], labels["count"]],
        [
            [labels["received"], Int(figures.Received)],
            [labels["adopted"], Int(figures.Adopted)],
            [labels["adoptionRate"], Percent(figures.AdoptionPercent)],
            [labels["amountRecovered"], Money(figures.AmountRecovered)],
            [labels["lossAvoided"], Money(figures.LossAvoided)],
            [labels["tasksCompleted"], Int(figures.TasksCompleted)],
            [labels["tasksOnTime"], Int(figures.TasksOnTime)],
        ]);

        Breakdown(page, labels, "byKind", "kind", figures.ByKind, headingFont, bodyFont, smallFont);
        Breakdown(page, labels, "bySource", "source", figures.BySource, headingFont, bodyFont, smallFont);
        Breakdown(page, labels, "byStatus", "status", figures.ByStatus, headingFont, bodyFont, smallFont);
        Breakdown(page, labels, "byDecision", "decision", figures.ByDecision, headingFont, bodyFont, smallFont);
        Breakdown(page, labels, "byOutcome", "outcome", figures.ByOutcome, headingFont, bodyFont, smallFont);

        Heading(page, labels["trend"], headingFont);
        var (graphics, area) = page.Reserve(170);
        ReportCharts.Lines(graphics, area, [.. figures.Trend.Select(p => p.Month.Length > 2 ? p.Month[2..] : p.Month)],
            [(labels["trend.received"], [.. figures.Trend.Select(p => (double)p.Received)]),
             (labels["trend.adopted"], [.. figures.Trend.Select(p => (double)p.Adopted)])], smallFont);
        page.Skip(6);
        Table(page, bodyFont, [0.4, 0.3, 0.3], [labels["month"], labels["trend.received"], labels["trend.adopted"]],
            [.. figures.Trend.Select(p => new[] { p.Month, Int(p.Received), Int(p.Adopted) })]);

        if (!congress)
        {
            Heading(page, labels["liaisons"], headingFont);
            Table(page, bodyFont, [0.08, 0.2, 0.32, 0.11, 0.11, 0.18],
                [labels["liaison.rank"], labels["liaison.name"], labels["liaison.office"], labels["liaison.clues"], labels["liaison.adopted"], labels["liaison.value"]],
                [.. figures.Liaisons.Select(l => new[] { Int(l.Rank), l.Name, l.Office ?? "—", Int(l.Clues), Int(l.Adopted), Money(l.Value) })],
                labels["none"]);
            if (!string.IsNullOrWhiteSpace(commentary))
            {
                Heading(page, labels["commentary"], headingFont);
                foreach (var line in commentary.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
                {
                    page.Wrapped(line, bodyFont);
                }
            }
        }
        page.Skip(12);
        page.Wrapped(ProcedureDate(builtAt, labels), smallFont);
        page.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static string ProcedureDate(DateTimeOffset builtAt, ReportLabels labels)
    {
        var local = builtAt.ToOffset(TimeSpan.FromHours(8));
        return labels.English
            ? $"{ProcedureVariables.CenterName("en")}, {local:yyyy-MM-dd}"
            : $"{ProcedureVariables.CenterName("zh-CN")} {local.Year}年{local.Month}月{local.Day}日";
    }

    private static void Breakdown(PageWriter page, ReportLabels labels, string heading, string vocabulary, IReadOnlyList<ReportCount> counts,
        XFont headingFont, XFont bodyFont, XFont smallFont)
    {
        Heading(page, labels[heading], headingFont);
        var named = counts.Select(c => (Label: labels[$"{vocabulary}.{c.Key}"], Value: (double)c.Count)).ToList();
        if (named.Count > 0)
        {
            var (graphics, area) = page.Reserve(ReportCharts.BarHeight(named.Count));
            ReportCharts.Bars(graphics, area, named, smallFont);
            page.Skip(4);
        }
        Table(page, bodyFont, [0.7, 0.3], [labels["item"], labels["count"]],
            [.. named.Select(n => new[] { n.Label, ReportCharts.Number(n.Value) })], labels["none"]);
    }

    private static void Heading(PageWriter page, string text, XFont font)
    {
        page.Skip(10);
        // A heading never ends a page alone: it needs room for itself and the first lines under it.
        page.KeepRoom(font.GetHeight() + 60);
        var (graphics, area) = page.Reserve(font.GetHeight() + 4);
        graphics.DrawString(text, font, XBrushes.Black, new XRect(area.Left, area.Top, area.Width, font.GetHeight()), XStringFormats.TopLeft);
    }

    private static void Table(PageWriter page, XFont font, double[] widths, string[] header, IReadOnlyList<string[]> rows, string? empty = null)
    {
        var height = font.GetHeight() + 6;
        var bold = new XFont(font.FontFamily.Name, font.Size, XFontStyleEx.Bold);
        // The header stays with the first rows.
        page.KeepRoom(height * (1 + Math.Min(3, Math.Max(1, rows.Count))));
        Row(page, bold, widths, header, height, shaded: true);
        foreach (var row in rows)
        {
            Row(page, font, widths, row, height, shaded: false);
        }
        if (rows.Count == 0 && empty is not null)
        {
            Row(page, font, widths, [empty], height, shaded: false);
        }
    }

    private static void Row(PageWriter page, XFont font, double[] widths, string[] cells, double height, bool shaded)
    {
        var (graphics, area) = page.Reserve(height);
        if (shaded)
        {
            graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xEE, 0xF1, 0xF5)), area);
        }
        var x = area.Left;
        for (var i = 0; i < cells.Length && i < widths.Length; i++)
        {
            var width = area.Width * widths[i];
            graphics.DrawString(cells[i], font, XBrushes.Black, new XRect(x + 4, area.Top, width - 8, height),
                i > 0 && IsFigure(cells[i]) ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
            x += width;
        }
        graphics.DrawLine(XPens.LightGray, area.Left, area.Bottom, area.Right, area.Bottom);
    }

    private static bool IsFigure(string cell) => cell.Length > 0 && cell.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '%' or '—');

    private static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Percent(decimal? value) => value is { } percent ? $"{percent.ToString("0.0", CultureInfo.InvariantCulture)}%" : "—";
}
