using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Finds the numbers in normalised text that are quantities, skipping those that are addresses
/// ("5栋", "Block 5", "7B", "12-03"), times ("7点", "18:00", "6pm"), prices ("80块", "$60"),
/// dates ("12号") or phone numbers.
/// </summary>
public static partial class QuantityExtractor
{
    private const string ChineseDigits = "零〇一二两三四五六七八九十百俩仨壹贰貳叁參肆伍陆陸柒捌玖拾佰";

    // Counting classifiers and sale units: a number in front of one is a quantity.
    private static readonly string[] ChineseUnits =
    [
        "份", "个", "盒", "箱", "袋", "桶", "瓶", "包", "件", "套", "斤", "公斤", "只", "支", "罐", "提",
        "组", "张", "杯", "条", "本", "名额", "位", "单", "扎", "串", "打", "听", "板", "块蛋糕", "台", "人份",
        "樽", "枝", "kg", "g",
    ];

    // Words after a number that make it an address, time, price, date, age or ratio.
    private static readonly string[] NonQuantityFollowers =
    [
        "栋", "幢", "楼", "号", "单元", "层", "室", "座", "期", "点", "时", "分", "秒", "岁", "月", "日", "天", "年",
        "周", "元", "块", "蚊", "毛", "角", "折", "%", "度", "装", "人", "斤装", "kg装", "pm", "am", "o'clock",
        "hrs", "hour", "min", "day", "week", "month", "year", "yuan", "dollar", "buck", "rmb", "cent", "percent",
        "st", "nd", "rd", "th", "楼的", "号楼",
    ];

    private static readonly string[] EnglishUnits =
    [
        "box", "bag", "pack", "packet", "bottle", "tub", "jar", "tin", "carton", "tray", "set", "portion",
        "serving", "piece", "pc", "kg", "kilo", "unit", "slot", "spot", "place", "ticket", "share", "order",
        "loaf", "loaves", "case", "crate", "bundle", "pot", "cup", "bar", "dozen", "pair", "of them", "more",
        "for me", "for us", "please", "pls",
        // Service and class units ("3 tickets", "2 seats", "1 session", "2 pax") and sizes ordered ("one medium and one
        // large"). Not "kids": "my 2 kids won't touch it" counts the household, not the order.
        "seat", "session", "lesson", "class", "pax", "tix", "small", "medium", "large", "regular", "big",
    ];

    private static readonly Dictionary<string, int> EnglishNumbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["a dozen"] = 12,
        ["dozen"] = 12, ["half a dozen"] = 6, ["a couple of"] = 2, ["a couple"] = 2, ["a pair of"] = 2, ["a pair"] = 2,
        ["a"] = 1, ["an"] = 1, ["another"] = 1, ["single"] = 1, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
    };

    [GeneratedRegex(@"(?<![0-9a-wyz.]|[0-9][:/-])[0-9]+(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicNumber();

    // The financial forms (壹, 贰, 叁…) count too: "壹份".
    [GeneratedRegex(@"[零〇一二两三四五六七八九十百俩仨壹贰貳叁參肆伍陆陸柒捌玖拾佰]+", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(half a dozen|a dozen|dozen|a couple of|a couple|a pair of|a pair|(?:twenty|thirty|forty|fifty)(?:[- ]?(?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|single|an|a)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"(?<![一两二三四五六七八九十0-9])半打", RegexOptions.CultureInvariant)]
    private static partial Regex HalfDozen();

    // Address, price and time words just before a number ("block 5", "$60", "at 6", "room 302").
    [GeneratedRegex(@"(?<![a-z])(block|blk|unit|room|rm|flat|apt|apartment|tower|level|floor|lot|house|no\.?|number|building|bldg|#|¥|\$|£|€|hk\$|rmb|at|after|before|by|until|till|around|about|from|tel|phone|电话|尾号|第|门牌|in|on|under|over|than|per|each)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NonQuantityPrefix();

    // "一对", "两对": pairs of the counted thing, unless "对" starts another word or a match-up ("一对一", "对面", "对象").
    [GeneratedRegex(@"^\s*对(?![0-9一二两三四五六七八九十多象面账比照准话方待付应于称折接]|手(?!套))", RegexOptions.CultureInvariant)]
    private static partial Regex PairAfter();

    // "一打", "2 dozen": a dozen of the counted unit, unless "打" is a verb ("打折", "打包", "打电话").
    [GeneratedRegex(@"^\s*(打(?!折|包|卡|车|电话|个|给|算|听|扰|开)|dozens?(?![a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex DozenAfter();

    public static IReadOnlyList<QuantityMention> Find(string normalized)
    {
        normalized = NonQuantitySpans.Mask(normalized);
        var found = new List<QuantityMention>();
        foreach (Match m in ArabicNumber().Matches(normalized))
        {
            if (m.Length > 4 || !int.TryParse(m.Value, out var value) || value == 0)
            {
                continue;
            }

            var after = normalized[(m.Index + m.Length)..];
            var before = normalized[..m.Index];
            var marked = TrailingMarker().IsMatch(before) && !TrailingTimesAfterWord().IsMatch(before);
            if (IsAddressLike(after) || (!marked && NonQuantityPrefix().IsMatch(before)))
            {
                continue;
            }

            var hasUnit = marked || StartsWithUnit(after) || LeadingTimes().IsMatch(after);
            if (!hasUnit && value >= 100)
            {
                continue; // bare big numbers are room numbers, prices or phone fragments
            }

            found.Add(new QuantityMention(DozenAfter().IsMatch(after) ? value * 12 : value, m.Index, m.Index + m.Length, hasUnit));
        }

        foreach (Match m in HalfDozen().Matches(normalized))
        {
            found.Add(new QuantityMention(6, m.Index, m.Index + m.Length, true)); // "半打": half a dozen
        }

        foreach (Match m in ChineseNumber().Matches(normalized))
        {
            var after = normalized[(m.Index + m.Length)..];
            var before = normalized[..m.Index];
            var value = ParseChinese(m.Value);
            if (value <= 0 || before.EndsWith('第') || IsAddressLike(after))
            {
                continue;
            }

            var standaloneCount = m.Value is "俩" or "仨";
            var marked = TrailingSetMarker().IsMatch(before);
            var pairs = PairAfter().IsMatch(after);
            var hasUnit = StartsWithUnit(after) || pairs;
            if (!hasUnit && !standaloneCount && !marked)
            {
                continue; // "一起", "一下", "一点": the character is not a count here
            }

            // "一对" counts two, as "a pair" does.
            found.Add(new QuantityMention(DozenAfter().IsMatch(after) ? value * 12 : pairs ? value * 2 : value, m.Index, m.Index + m.Length, true));
        }

        foreach (Match m in EnglishNumber().Matches(normalized))
        {
            var word = m.Groups[1].Value;
            var after = normalized[(m.Index + m.Length)..];
            var before = normalized[..m.Index];
            if (IsAddressLike(after) || TrailingDeterminer().IsMatch(before)
                || LeadingNonUnitNoun().IsMatch(after))
            {
                continue;
            }

            // "just the one": the article before a lone "one" is not "the one (I said)".
            var hasUnit = StartsWithUnit(after) || word is "one" && TrailingJustThe().IsMatch(before);
            if (word is "a" or "an" or "another" or "single" && !hasUnit)
            {
                continue; // the article alone is not a count
            }

            var isDozen = word.Contains("dozen", StringComparison.Ordinal);
            if (isDozen && TrailingNumber().IsMatch(before))
            {
                continue; // "two dozen": the number in front already counts the dozens
            }

            var value = EnglishValue(word);
            if (!isDozen && DozenAfter().IsMatch(after))
            {
                value *= 12;
            }

            found.Add(new QuantityMention(value, m.Index, m.Index + m.Length, hasUnit || isDozen));
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static int EnglishValue(string word)
    {
        if (EnglishNumbers.TryGetValue(word, out var value))
        {
            return value;
        }

        // "twenty-four", "thirty two"
        var tens = EnglishNumbers.First(p => p.Value >= 20 && word.StartsWith(p.Key, StringComparison.Ordinal));
        var unit = word[tens.Key.Length..].TrimStart('-', ' ');
        return tens.Value + (EnglishNumbers.TryGetValue(unit, out var ones) ? ones : 0);
    }

    /// <summary>A count as the reply cues capture it: digits, an English number word, or a Chinese numeral (俩, 仨 too).</summary>
    public static int ParseCountWord(string word) =>
        EnglishNumbers.TryGetValue(word, out var value) ? value
        : char.IsAsciiDigit(word[0]) ? int.Parse(word, System.Globalization.CultureInfo.InvariantCulture)
        : ParseChinese(word);

    /// <summary>Parses 一…十, 两/俩/仨, 十二, 二十, 二十五, 一百 style numerals and their financial forms (壹, 贰拾); 0 when unreadable.</summary>
    public static int ParseChinese(string numeral)
    {
        var total = 0;
        var current = 0;
        foreach (var c in numeral)
        {
            switch (c)
            {
                case '十' or '拾':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百' or '佰':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                default:
                    var digit = DigitOf(c);
                    if (digit < 0)
                    {
                        return 0;
                    }

                    if (current != 0)
                    {
                        return 0; // "一二" is not a number
                    }

                    current = digit;
                    break;
            }
        }

        return total + current;
    }

    private static int DigitOf(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '俩' or '贰' or '貳' => 2,
        '三' or '仨' or '叁' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => ChineseDigits.Contains(c) ? 0 : -1,
    };

    private static bool StartsWithUnit(string after)
    {
        var trimmed = after.TrimStart();

        // A size before the classifier: "两大箱", "一小盒", "三大袋".
        if (trimmed.Length > 1 && trimmed[0] is '大' or '小' && ChineseUnits.Any(u => u.Length == 1 && trimmed[1] == u[0]))
        {
            trimmed = trimmed[1..];
        }
        foreach (var unit in ChineseUnits)
        {
            if (trimmed.StartsWith(unit, StringComparison.Ordinal) && !IsAddressLike(after))
            {
                return true;
            }
        }

        foreach (var unit in EnglishUnits)
        {
            if (trimmed.StartsWith(unit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddressLike(string after)
    {
        // "12-03", "18:00", "1.5", "7b", "3/4": part of an address, time, decimal or date.
        if (LeadingCodeTail().IsMatch(after) && !LeadingTimesOrGram().IsMatch(after))
        {
            return true;
        }

        var trimmed = after.TrimStart();
        foreach (var follower in NonQuantityFollowers)
        {
            // An ordinal is glued to its number and ends there: "5th", "21st"; "2 thanks" is a count and a thanks.
            if (follower is "st" or "nd" or "rd" or "th" && !(after.StartsWith(follower, StringComparison.Ordinal) && !(after.Length > 2 && char.IsAsciiLetter(after[2]))))
            {
                continue;
            }

            if (trimmed.StartsWith(follower, StringComparison.Ordinal))
            {
                // "人份" is a portion count, not a headcount.
                return !trimmed.StartsWith("人份", StringComparison.Ordinal);
            }
        }

        return false;
    }
}
