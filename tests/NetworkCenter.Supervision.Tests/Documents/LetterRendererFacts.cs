using NetworkCenter.Supervision.Documents;
using NetworkCenter.Testing;
using UglyToad.PdfPig;

namespace NetworkCenter.Supervision.Tests.Documents;

public sealed class LetterRendererFacts(NetworkCenterApp app) : IClassFixture<NetworkCenterApp>
{
    [Theory]
    [InlineData("zh-CN", "决定不予立案", "线索处理结果书面通知")]
    [InlineData("en", "not to file a case", "Written notice of the decision on a clue")]
    public async Task FilingNotice_IsAPdf_WithTitleRegisterNumberAndDecision_InTheRecipientsLanguage(string language, string decisionText, string title)
    {
        var pdf = await app.Service<LetterRenderer>().RenderAsync("filing-notice", language, new Dictionary<string, object?>
        {
            ["recipientName"] = "王某",
            ["registerNumber"] = "2026-0007",
            ["decision"] = "not-file",
            ["reasons"] = "原判决认定事实清楚，适用法律正确。",
            ["centerName"] = "民事行政法律监督信息网络中心",
            ["date"] = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(8)),
        }, CancellationToken.None);

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("2026-0007", text);
        Assert.Contains(decisionText.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains(title.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("原判决认定事实清楚", text);
    }

    [Fact]
    public async Task LongParagraphs_WrapOntoFurtherPages_WithoutLosingText()
    {
        var reasons = string.Concat(Enumerable.Repeat("经审查，该线索涉及的民事判决在事实认定方面存在疑问，需要进一步调查核实。", 80));

        var pdf = await app.Service<LetterRenderer>().RenderAsync("filing-notice", "zh-CN", new Dictionary<string, object?>
        {
            ["recipientName"] = "王某", ["registerNumber"] = "2026-0008", ["decision"] = "file", ["reasons"] = reasons,
            ["caseNumber"] = "冀检民监〔2026〕1号", ["centerName"] = "中心", ["date"] = "2026-03-05",
        }, CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Equal(80, System.Text.RegularExpressions.Regex.Count(text, "需要进一步调查核实"));
        Assert.Contains("冀检民监〔2026〕1号", text);
    }
}
