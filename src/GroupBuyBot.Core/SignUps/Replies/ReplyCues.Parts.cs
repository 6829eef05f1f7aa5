using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// How many a reply counts when it counts in parts (added with dev-11): a raised hand times a multiplier, tickets by kind of
/// person, a bare name before a bare count. Families of phrasings, not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>A raised hand multiplied: "+1 x2", "+1 ×3", "+1 (x2)", "+1 * 4": the multiplier is the count.</summary>
    [GeneratedRegex(@"(?<![0-9a-z])\+\s*1\s*[(（]?\s*[x×*]\s*([1-9][0-9]?)(?![0-9])", Options)]
    public static partial Regex PlusTimes();

    /// <summary>
    /// A count of one kind of person: "2 adults", "1 child", "two kids", "3 seniors", "两个大人", "一个小孩", and the Chinese ticket
    /// shorthand "两大一小" (大/小 right before another count or the end of the clause).
    /// </summary>
    [GeneratedRegex(@"(?<![0-9a-z])([0-9]{1,2}|one|two|three|four|five|six)\s*(adult|kid|child|children|teen|teenager|senior|student|toddler|infant|bab(y|ies))s?(?![a-z])"
        + @"|(?<![0-9])([0-9]{1,2}|[一两二三四五六七八九十])\s*(个|位|名)?\s*(大人|成人|小孩|儿童|孩子|小朋友|学生|老人|长者|大(?=\s*([0-9一两二三四五六七八九十]|$|[\s,，。!;]))|小(?=\s*([0-9一两二三四五六七八九十]|$|[\s,，。!;])))", Options)]
    public static partial Regex PersonKindCount();

    /// <summary>
    /// A bare name before a bare count, and nothing else: "ling 2", "Marcus - 3 pls", "阿杰 2". Not words that number a
    /// thing ("day 2", "option 3", "round 2", "size 4").
    /// </summary>
    [GeneratedRegex(@"^\s*(?!(day|week|month|year|option|opt|no|number|size|round|level|lvl|page|part|step|phase|team|group|grp|room|rm|unit|block|blk|flat|floor|item|set|batch|wave|slot|table|lane|row|seat|gate|plan|type|pack|box|tier|grade|class|form|year|version|v|top|only|just|me|us|also|plus|add|and|yes|ok|okay|same|ditto|total|need|want|take|get|order|make|want|for|x)(?![a-z]))(?<name>[a-z]{2,12}|\p{IsCJKUnifiedIdeographs}{2,4})\s*[:,\-–]?\s+(?<count>[1-9][0-9]?)(?![0-9])(\s*(kg|kgs|kilos?|boxe?s?|packs?|bags?|bottles?|pcs|sets?|portions?|pieces?|tubs?|trays?|份|个|盒|箱|袋|包|瓶|斤|套|只|罐|件)(?![a-z]))?[\s\p{P}\p{S}]*((please|pls|plz|thanks|thx|ty|ya|yah|ah|lah|谢谢|哈)[\s\p{P}\p{S}]*)?$", Options)]
    public static partial Regex NameThenCount();

    /// <summary>
    /// Part of a single unit: "只要一半", "半份可以吗", "半盒就够", "can I get half a box?", "just half for me". No whole count can be
    /// booked for it; a request to split, not an order. Not half a dozen ("半打", "half a dozen") nor half of a count ("half of them").
    /// </summary>
    [GeneratedRegex(@"(?<![0-9一两二三四五六七八九十])(一半|半(份|个|盒|箱|袋|瓶|包|件|套|只|罐|块|条))(?!(月|小时|钟|天|年|价))"
        + "|" + B + @"(half (a|an|one) (box|bag|pack|portion|serving|share|order|tray|loaf|cake|set|unit|kg|bottle|jar|tub)|half (a |one )?(portion|share|serving)|(just|only) (a )?half)" + B, Options)]
    public static partial Regex FractionOfOne();
}
