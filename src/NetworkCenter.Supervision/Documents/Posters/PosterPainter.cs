using System.Text.RegularExpressions;
using PdfSharp.Drawing;

namespace NetworkCenter.Supervision.Documents.Posters;

/// <summary>BPMN's notation in PDFsharp strokes, in diagram units: tasks, events, gateways, containers and flows.</summary>
internal sealed partial class PosterPainter(XGraphics gfx, bool english)
{
    private static readonly XColor Ink = XColor.FromArgb(0x1f, 0x23, 0x28);
    private static readonly XColor Accent = XColor.FromArgb(0xa4, 0x26, 0x2c);
    private readonly XPen _thin = new(Ink, 1.5);
    private readonly XPen _thick = new(Ink, 3.5);
    private readonly XPen _flow = new(Ink, 1.2);
    private readonly XBrush _ink = new XSolidBrush(Ink);
    private readonly XBrush _paper = new XSolidBrush(XColors.White);
    private readonly XBrush _taskFill = new XSolidBrush(XColor.FromArgb(0xfb, 0xf4, 0xf4));
    private readonly XFont _label = new("cjk", 11);
    private readonly XFont _small = new("cjk", 9);

    // A word in the task's corner says who or what does it, where BPMN would draw a small icon.
    private static readonly Dictionary<string, (string Zh, string En)> Markers = new(StringComparer.Ordinal)
    {
        ["userTask"] = ("人工", "staff"),
        ["manualTask"] = ("人工", "manual"),
        ["serviceTask"] = ("自动", "automatic"),
        ["sendTask"] = ("发送", "send"),
        ["receiveTask"] = ("接收", "receive"),
        ["scriptTask"] = ("脚本", "script"),
        ["businessRuleTask"] = ("规则", "rules"),
        ["callActivity"] = ("子流程", "sub-procedure"),
        ["subProcess"] = ("子流程", "sub-procedure"),
    };

    public static bool IsContainer(PosterShape shape) =>
        shape.Kind is "participant" or "lane" || (shape.Kind is "subProcess" or "transaction" && shape.Expanded);

    public void Container(PosterShape shape)
    {
        var rect = new XRect(shape.X, shape.Y, shape.Width, shape.Height);
        if (shape.Kind is "participant" or "lane")
        {
            gfx.DrawRectangle(_thin, rect);
            if (shape.Name is { } name)
            {
                // A pool's or lane's name runs down its left band, written across since CJK reads well either way.
                gfx.DrawLine(_thin, shape.X + 30, shape.Y, shape.X + 30, shape.Y + shape.Height);
                Wrapped(name, new XRect(shape.X + 2, shape.Y + 4, 26, shape.Height - 8), _label, XStringFormats.TopCenter);
            }
            return;
        }
        gfx.DrawRoundedRectangle(_thin, _paper, rect, new XSize(20, 20));
        if (shape.Name is { } title)
        {
            Wrapped(title, new XRect(shape.X + 8, shape.Y + 6, shape.Width - 16, 30), _label, XStringFormats.TopLeft);
        }
    }

    public void Shape(PosterShape shape)
    {
        switch (shape.Kind)
        {
            case "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent":
                Event(shape);
                break;
            case var kind when kind.EndsWith("Gateway", StringComparison.Ordinal):
                Gateway(shape);
                break;
            case "textAnnotation":
                gfx.DrawLines(_thin, [new XPoint(shape.X + 10, shape.Y), new XPoint(shape.X, shape.Y), new XPoint(shape.X, shape.Y + shape.Height),
                    new XPoint(shape.X + 10, shape.Y + shape.Height)]);
                Wrapped(shape.Name ?? "", new XRect(shape.X + 4, shape.Y + 2, shape.Width - 6, shape.Height - 4), _small, XStringFormats.TopLeft);
                break;
            case "dataObjectReference" or "dataStoreReference" or "group":
                break;
            default:
                Task(shape);
                break;
        }
    }

    private void Task(PosterShape shape)
    {
        var rect = new XRect(shape.X, shape.Y, shape.Width, shape.Height);
        gfx.DrawRoundedRectangle(shape.Kind == "callActivity" ? _thick : _thin, _taskFill, rect, new XSize(14, 14));
        var marker = Markers.TryGetValue(shape.Kind, out var names) ? (english ? names.En : names.Zh) : null;
        if (marker is not null)
        {
            gfx.DrawString(marker, _small, new XSolidBrush(Accent), new XRect(shape.X + 6, shape.Y + 4, shape.Width - 12, 12), XStringFormats.TopLeft);
        }
        Wrapped(shape.Name ?? "", new XRect(shape.X + 6, shape.Y + 16, shape.Width - 12, shape.Height - 20), _label, XStringFormats.Center);
    }

    private void Event(PosterShape shape)
    {
        var rect = new XRect(shape.X, shape.Y, shape.Width, shape.Height);
        var pen = shape.Kind == "endEvent" ? _thick : _thin;
        if (shape.Kind == "boundaryEvent" && !shape.Interrupting)
        {
            pen = new XPen(Ink, 1.5) { DashStyle = XDashStyle.Dash };
        }
        gfx.DrawEllipse(pen, _paper, rect);
        if (shape.Kind is "intermediateCatchEvent" or "intermediateThrowEvent" or "boundaryEvent")
        {
            var inner = rect;
            inner.Inflate(-3, -3);
            gfx.DrawEllipse(pen, inner);
        }
        EventMarker(shape);
        Wrapped(shape.Name ?? "", new XRect(shape.X - 40, shape.Y + shape.Height + 3, shape.Width + 80, 36), _small, XStringFormats.TopCenter);
    }

    private void EventMarker(PosterShape shape)
    {
        var cx = shape.X + shape.Width / 2;
        var cy = shape.Y + shape.Height / 2;
        var r = shape.Width / 2;
        switch (shape.EventKind)
        {
            case "timer":
                gfx.DrawEllipse(_thin, cx - r * 0.55, cy - r * 0.55, r * 1.1, r * 1.1);
                gfx.DrawLine(_thin, cx, cy, cx, cy - r * 0.42);
                gfx.DrawLine(_thin, cx, cy, cx + r * 0.3, cy);
                break;
            case "message":
                var envelope = new XRect(cx - r * 0.5, cy - r * 0.33, r, r * 0.66);
                gfx.DrawRectangle(_thin, envelope);
                gfx.DrawLines(_thin, [envelope.TopLeft, new XPoint(cx, cy), envelope.TopRight]);
                break;
            case "terminate":
                gfx.DrawEllipse(_ink, cx - r * 0.55, cy - r * 0.55, r * 1.1, r * 1.1);
                break;
            case "error":
                gfx.DrawLines(_thin, [new XPoint(cx - r * 0.45, cy + r * 0.45), new XPoint(cx - r * 0.15, cy - r * 0.4),
                    new XPoint(cx + r * 0.1, cy + r * 0.1), new XPoint(cx + r * 0.45, cy - r * 0.45)]);
                break;
            case "signal" or "escalation":
                gfx.DrawPolygon(_thin, [new XPoint(cx, cy - r * 0.5), new XPoint(cx + r * 0.45, cy + r * 0.35), new XPoint(cx - r * 0.45, cy + r * 0.35)]);
                break;
        }
    }

    private void Gateway(PosterShape shape)
    {
        var cx = shape.X + shape.Width / 2;
        var cy = shape.Y + shape.Height / 2;
        gfx.DrawPolygon(_thin, _paper, [new XPoint(cx, shape.Y), new XPoint(shape.X + shape.Width, cy), new XPoint(cx, shape.Y + shape.Height),
            new XPoint(shape.X, cy)], XFillMode.Winding);
        var d = shape.Width * 0.2;
        var mark = new XPen(Ink, 3);
        switch (shape.Kind)
        {
            case "exclusiveGateway":
                gfx.DrawLine(mark, cx - d, cy - d, cx + d, cy + d);
                gfx.DrawLine(mark, cx - d, cy + d, cx + d, cy - d);
                break;
            case "parallelGateway":
                gfx.DrawLine(mark, cx, cy - d * 1.3, cx, cy + d * 1.3);
                gfx.DrawLine(mark, cx - d * 1.3, cy, cx + d * 1.3, cy);
                break;
            case "inclusiveGateway":
                gfx.DrawEllipse(new XPen(Ink, 2.5), cx - d, cy - d, 2 * d, 2 * d);
                break;
            case "eventBasedGateway":
                gfx.DrawEllipse(_thin, cx - d * 1.2, cy - d * 1.2, 2.4 * d, 2.4 * d);
                gfx.DrawEllipse(_thin, cx - d, cy - d, 2 * d, 2 * d);
                break;
        }
        Wrapped(shape.Name ?? "", new XRect(shape.X - 40, shape.Y + shape.Height + 3, shape.Width + 80, 36), _small, XStringFormats.TopCenter);
    }

    public void Edge(PosterEdge edge)
    {
        var points = edge.Points.Select(p => new XPoint(p.X, p.Y)).ToArray();
        var pen = edge.Kind switch
        {
            "messageFlow" => new XPen(Ink, 1.2) { DashStyle = XDashStyle.Dash },
            "association" or "dataInputAssociation" or "dataOutputAssociation" => new XPen(Ink, 1) { DashStyle = XDashStyle.Dot },
            _ => _flow,
        };
        gfx.DrawLines(pen, points);
        if (edge.Kind is "sequenceFlow" or "messageFlow")
        {
            Arrow(points[^2], points[^1], filled: edge.Kind == "sequenceFlow");
        }
        if (edge.IsDefault)
        {
            // The default flow's slash, near where it leaves its gateway.
            var (from, to) = (points[0], points[1]);
            var length = Math.Max(1, Distance(from, to));
            var (ux, uy) = ((to.X - from.X) / length, (to.Y - from.Y) / length);
            var at = new XPoint(from.X + ux * 10, from.Y + uy * 10);
            gfx.DrawLine(_flow, at.X - uy * 5 - ux * 3, at.Y + ux * 5 - uy * 3, at.X + uy * 5 + ux * 3, at.Y - ux * 5 + uy * 3);
        }
        if (edge.Name is { } name)
        {
            // The label sits beside the middle of the longest segment, where it is least likely to cross a shape.
            var segment = Enumerable.Range(0, points.Length - 1).MaxBy(i => Distance(points[i], points[i + 1]));
            var mid = new XPoint((points[segment].X + points[segment + 1].X) / 2, (points[segment].Y + points[segment + 1].Y) / 2);
            Wrapped(name, new XRect(mid.X - 50, mid.Y - 16, 100, 30), _small, XStringFormats.TopCenter);
        }
    }

    private void Arrow(XPoint from, XPoint to, bool filled)
    {
        var length = Math.Max(1, Distance(from, to));
        var (ux, uy) = ((to.X - from.X) / length, (to.Y - from.Y) / length);
        var back = new XPoint(to.X - ux * 9, to.Y - uy * 9);
        XPoint[] head = [to, new XPoint(back.X - uy * 4, back.Y + ux * 4), new XPoint(back.X + uy * 4, back.Y - ux * 4)];
        if (filled)
        {
            gfx.DrawPolygon(_ink, head, XFillMode.Winding);
        }
        else
        {
            gfx.DrawPolygon(_flow, _paper, head, XFillMode.Winding);
        }
    }

    private static double Distance(XPoint a, XPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>Text broken into lines that fit the width, character by character, as Chinese text breaks anywhere.</summary>
    private void Wrapped(string text, XRect box, XFont font, XStringFormat format)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            // A Latin word moves to the next line whole; Chinese breaks between any two characters.
            foreach (var token in Tokens().Matches(paragraph).Select(m => m.Value))
            {
                if (line.Length > 0 && gfx.MeasureString(line + token.TrimEnd(), font).Width > box.Width)
                {
                    lines.Add(line.TrimEnd());
                    line = "";
                }
                if (gfx.MeasureString(token.TrimEnd(), font).Width <= box.Width)
                {
                    line += line.Length == 0 ? token.TrimStart() : token;
                    continue;
                }
                foreach (var ch in token)
                {
                    if (line.Length > 0 && gfx.MeasureString(line + ch, font).Width > box.Width)
                    {
                        lines.Add(line);
                        line = "";
                    }
                    line += ch;
                }
            }
            lines.Add(line.TrimEnd());
        }
        var lineHeight = font.Size * 1.25;
        var total = lines.Count * lineHeight;
        var y = format.LineAlignment == XLineAlignment.Center ? box.Y + (box.Height - total) / 2 : box.Y;
        var alignment = format.Alignment == XStringAlignment.Near ? XStringFormats.TopLeft : XStringFormats.TopCenter;
        foreach (var line in lines)
        {
            gfx.DrawString(line, font, _ink, new XRect(box.X, y, box.Width, lineHeight), alignment);
            y += lineHeight;
        }
    }

    [GeneratedRegex(@"[\p{IsBasicLatin}\p{IsLatin-1Supplement}-[\s]]+\s*|\s+|.", RegexOptions.Singleline)]
    private static partial Regex Tokens();
}
