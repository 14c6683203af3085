using NetworkCenter.Supervision.MonthlyReport;
using NetworkCenter.Testing;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.MonthlyReport;

public sealed class ReportDocumentFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    private static readonly ReportMonth March = new(2026, 3);

    private static readonly ReportFigures Figures = new(March, Received: 17, Adopted: 6, AdoptionRate: 0.3529m, AmountRecovered: 250000m,
        LossAvoided: 30000m, TasksCompleted: 13, TasksOnTime: 11,
        ByKind: [new("judgment-supervision", 12), new("public-interest", 5)],
        BySource: [new("liaison", 14), new("walk-in", 3)],
        ByStatus: [new("filed", 6), new("under-review", 9), new("not-filed", 2)],
        ByDecision: [new("file", 6), new("not-file", 2)],
        ByOutcome: [new("suggestion-adopted", 2)],
        Trend: [.. Enumerable.Range(0, 12).Select(i => new ReportTrendPoint(March.AddMonths(i - 11).ToString(), 10 + i, i / 2))],
        Liaisons: [new(1, "周明远", "城关镇联络室", 9, 4, 200000m), new(2, "吴秀兰", "县人大联络室", 5, 2, 50000m)]);

    [Fact]
    public void MembersReport_HasEveryFigure_TheRankingAndTheAnalysis_InChineseAndEnglish()
    {
        var documents = app.Service<ReportDocument>();
        var chinese = Text(documents.Render(Figures, ReportAudience.Members, "zh-CN", "公益线索增长明显。", DateTimeOffset.UnixEpoch));
        Assert.Contains("2026年3月", chinese, StringComparison.Ordinal);
        Assert.Contains("收到线索17", chinese, StringComparison.Ordinal);
        Assert.Contains("采纳率35.3%", chinese, StringComparison.Ordinal);
        Assert.Contains("挽回国家损失（元）250,000.00", chinese, StringComparison.Ordinal);
        Assert.Contains("检察建议被采纳2", chinese, StringComparison.Ordinal);
        Assert.Contains("1周明远城关镇联络室94200,000.00", chinese, StringComparison.Ordinal);
        Assert.Contains("公益线索增长明显", chinese, StringComparison.Ordinal);
        Assert.Contains("2026-03215", chinese, StringComparison.Ordinal); // the trend's table: March, 21 received, 5 adopted

        var english = Text(documents.Render(Figures, ReportAudience.Members, "en", null, DateTimeOffset.UnixEpoch));
        Assert.Contains("Cluesreceived17", english, StringComparison.Ordinal);
        Assert.Contains("Judgmentsupervision12", english, StringComparison.Ordinal);
    }

    [Fact]
    public void CongressReport_KeepsTheAggregates_ButNamesNobody_AndLeavesTheFreeTextOut()
    {
        var text = Text(app.Service<ReportDocument>().Render(Figures, ReportAudience.Congress, "zh-CN", "周明远提供的线索价值最高。", DateTimeOffset.UnixEpoch));

        Assert.Contains("收到线索17", text, StringComparison.Ordinal);
        Assert.Contains("裁判结果监督12", text, StringComparison.Ordinal);
        Assert.Contains("匿名化", text, StringComparison.Ordinal);
        foreach (var name in new[] { "周明远", "吴秀兰", "城关镇联络室", "县人大联络室", "价值最高" })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }
}
