using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Tests.Localization;

public partial class TextsTests
{
    [Fact]
    public void Every_text_exists_in_chinese_with_the_same_placeholders()
    {
        var keys = Texts.Keys().ToList();
        Assert.Contains("Help", keys);
        foreach (var key in keys)
        {
            var english = Texts.Get(Language.En, key);
            var chinese = Texts.Get(Language.Zh, key);
            Assert.False(string.IsNullOrWhiteSpace(chinese), key);
            Assert.Equal(Placeholders(english), Placeholders(chinese));
            if (key is not ("ButtonPlusOne" or "ButtonMinusOne")) Assert.NotEqual(english, chinese);
        }
    }

    [Fact]
    public void Unknown_keys_fail_loudly() => Assert.Throws<KeyNotFoundException>(() => Texts.Get(Language.En, "NoSuchText"));

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
