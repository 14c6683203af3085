using System.Globalization;
using NetworkCenter.Workflows.Forms;
using NetworkCenter.Workflows.Localization;

namespace NetworkCenter.Workflows.Tests.Localization;

public sealed class ServerLanguageFacts
{
    private static readonly string ClueRegistration = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Fixtures", "clue-registration.form"));

    [Theory]
    [InlineData("审查意见 / Review opinion", "审查意见", "Review opinion")]
    [InlineData("是否属于本院管辖 Within our jurisdiction", "是否属于本院管辖", "Within our jurisdiction")]
    [InlineData("无（移送）None (referred)", "无（移送）", "None (referred)")]
    [InlineData("分析与说明：退回修改后写入成员版报告（县人大版不含）Analysis: written when sent back", "分析与说明：退回修改后写入成员版报告（县人大版不含）", "Analysis: written when sent back")]
    [InlineData("线索来源", "线索来源", "线索来源")]
    [InlineData("Opinion", "Opinion", "Opinion")]
    public void Label_IsThePartInTheReadersLanguage_OrTheWholeLabelWhenItHasOneLanguage(string label, string chinese, string english)
    {
        Assert.Equal(chinese, In("zh-CN", () => ServerLanguage.Label(label)));
        Assert.Equal(english, In("en", () => ServerLanguage.Label(label)));
    }

    [Fact]
    public void FormErrors_InAChineseRequest_AreChinese_WithTheSameFieldsAndCodes()
    {
        var chinese = In("zh-CN", () => FormValidator.Validate(ClueRegistration, """{"sourceKind": "fax", "content": "太短"}""").Errors);
        var english = In("en-US", () => FormValidator.Validate(ClueRegistration, """{"sourceKind": "fax", "content": "太短"}""").Errors);

        Assert.Equal(english.Select(e => (e.Field, e.Code)), chinese.Select(e => (e.Field, e.Code)));
        Assert.Contains(new FormFieldError("sourceKind", "线索来源：\"fax\" 不是可选的值。", "form.choice"), chinese);
        Assert.Contains(new FormFieldError("content", "线索内容至少需要 10 个字符。", "form.min-length"), chinese);
        Assert.Contains(new FormFieldError("receivedOn", "收到日期为必填项。", "form.required"), chinese);
        Assert.Contains(new FormFieldError("content", "线索内容 must be at least 10 characters long.", "form.min-length"), english);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
