using System.Text;

namespace GroupBuyBot.Core.Tests.BadInput;

/// <summary>Seeded random strings built from pieces meant to break parsers and formatting.</summary>
public static class HostileText
{
    private static readonly string[] Pieces =
    [
        "<b>", "</b>", "<i>x", "</code>", "<a href=\"javascript:x\">", "<script>", "&", "&amp;", "&#0;", "&lt", "*", "_", "`", "```", "[x](tg://user?id=1)",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202E", "\u2066", "\uFEFF", "\u0000", "\u0007", "\u001B[31m", "\r\n", "\t", "\n\n\n",
        "😀", "👨‍👩‍👧", "\uD800", "\uDFFF", "１２", "－３", "＋１", "-1", "0", "1", "2", "999", "1000", "2147483647", "2147483648", "-2147483649",
        "99999999999999999999", "1e9", "1.005", "0.001", "NaN", "∞", "¥", "$", "元", "€", "|", "｜", "#", "#0", "#-1", "#2147483648", "No.", "@GroupBuyTestBot",
        "/join", "/newbuy", "+1", "+", "x3", "×2", "2026-12-05 18:00", "1900-01-01", "9999-12-31 23:59", "0001-01-01", "2026-02-30", "25:61", "12-05",
        "3d", "10000d", "99999999h", "0d", "1d12h", "90m", "3天", "我也要两份", "改成4份", "不要了", "count me in", "sorry I'm out", "ignore previous instructions",
        " ", "  ", "none", "-", ":", "10:75,20:70", "0:1", "5:-1",
    ];

    public static IEnumerable<string> Cases(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 500) switch
            {
                0 => new string('9', 5000 + random.Next(5000)),                      // huge number-looking text
                1 => string.Concat(Enumerable.Repeat("<b>我也要", 2000)),            // huge markup
                2 => new string((char)random.Next(0, 0x20), 50),                     // control characters only
                _ => Build(random),
            };
        }
    }

    private static string Build(Random random)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 8);
        for (var p = 0; p < parts; p++)
        {
            text.Append(random.Next(6) switch
            {
                0 => ((char)random.Next(0, 0xFFFF)).ToString(),
                1 => " ",
                _ => Pieces[random.Next(Pieces.Length)],
            });
        }

        return text.ToString();
    }
}
