using System.Text.RegularExpressions;

namespace NetworkCenter.Web.BrowserTests.ClientApp;

/// <summary>Every page text exists in both languages (a key missing in English would show Chinese to English users).</summary>
public sealed partial class MessagesFacts
{
    [Fact]
    public void ChineseAndEnglish_HaveTheSameKeys()
    {
        var chinese = Keys("zh-CN.js");
        var english = Keys("en.js");

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    private static HashSet<string> Keys(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NetworkCenter.sln")))
        {
            folder = folder.Parent;
        }
        Assert.NotNull(folder);
        var text = File.ReadAllText(Path.Combine(folder.FullName, "src", "NetworkCenter.Web", "ClientApp", "src", "shared", "messages", file));
        return [.. KeyPattern().Matches(text).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^\s*'([a-zA-Z0-9.\-]+)':", RegexOptions.Multiline)]
    private static partial Regex KeyPattern();
}
