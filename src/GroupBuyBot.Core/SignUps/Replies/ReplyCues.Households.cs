using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Who and how many a reply counts (added with dev-9 and dev-10): several heads in one reply, another member's share said
/// in English, a copied 接龙 list, a change asked with a tag question, the group's target rather than one's order.
/// Families of phrasings, not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// A change or order asked with a tag that only seeks agreement: "我改做两份得唔得?", "改成三份可以吗", "mine change to 2 can?",
    /// "make it 3 ok?", "add 1 more can or not?".
    /// </summary>
    [GeneratedRegex(@"(得唔得|得不得|可唔可以|可以吗|可以嘛|可以不|可以么|行吗|行不|好吗|好唔好|ok吗|ok嘛|" + B + @"(can|can or not|can anot|can not|ok|okay|ok not|possible|is that ok|is it ok|alright)" + B + @")\s*(呀|啊|啦|呢|先|吖|嘅)?[\s\p{P}\p{S}]*$", Options)]
    public static partial Regex RequestTag();

    /// <summary>Two people named by "both" without a count: "both kids", "both of them", "both my girls", "sign both up".</summary>
    [GeneratedRegex(B + @"both (of (us|them)|kids|children|boys|girls|sons|daughters|twins|(my|our|the) \w+|up|in)" + B, Options)]
    public static partial Regex BothPeople();

    /// <summary>All the heads named want in, no count said: "我和老公都要", "我同埋老婆都要".</summary>
    [GeneratedRegex(@"都\s*(要|想要|来|报|订|参加|算)", Options)]
    public static partial Regex AllOfThem();

    /// <summary>"+1+1", "+1 +1 +1": one raised hand per person.</summary>
    [GeneratedRegex(@"(?<![0-9a-z])\+\s*1(\s*\+\s*1)+(?![0-9])", Options)]
    public static partial Regex RepeatedPlus();

    /// <summary>
    /// Another member's share said in English after one's own: "I'll take one, and my neighbour at no. 23 wants 2 as well",
    /// "2 for me, plus my sister needs 1", "I need 2, my wife wants 1 as well".
    /// </summary>
    [GeneratedRegex(@"(,|" + B + @"(and|plus|also|then))\s+((my|our|his|her|the)\s+[a-z]+|(hubby|wifey|wife|husband|hb|mum|mom|mummy|mommy|mama|dad|daddy|papa|sis|bro|son|daughter|missus|bf|gf|partner|grandma|grandpa|granny|nana|auntie|aunty|uncle|neighbou?r|mil|fil)(?![a-z]))(\s+\S+){0,4}?\s+(wants?|needs?|would like|will take|takes?|is taking|is getting|gets?)" + B, Options)]
    public static partial Regex AnotherWants();

    /// <summary>A numbered entry of a copied 接龙 list: "3. 豆豆妈 3箱", "12、小美 1份".</summary>
    [GeneratedRegex(@"^\s*[0-9]{1,3}\s*[.、)．]\s*(?=\S)", RegexOptions.Multiline | Options)]
    public static partial Regex ListEntry();

    /// <summary>What heads a copied sign-up list: "接龙", "团购名单", "jielong", "the list so far".</summary>
    [GeneratedRegex(@"接龙|名单|" + B + @"(jielong|list)" + B, Options)]
    public static partial Regex ListHeader();

    /// <summary>
    /// A running tally of other members' counts and nothing else: "目前:张姐2, 小李1, 共3份", "so far: Mei 2, Raj 1 = 3", "截至目前名单:
    /// 老王1,阿芳2". A status of the list, not one's order; a tally with one's own line ("我1") is not one.
    /// </summary>
    [GeneratedRegex(@"^\W*(tally|running total|so far|(the )?list so far|current list|目前|到目前为止|截至目前|截止目前|现在|当前)(\s*(名单|统计|情况|list|tally|count))?\s*(so far)?\s*:\s*"
        + Entry + @"(\s*[,、;]\s*" + Entry + @")+"
        + @"(\s*[,、;]?\s*(=|共|一共|总共|合计|total|in total)\s*:?\s*([0-9]{1,3}|[一两二三四五六七八九十]+)\s*(份|个|盒|箱|袋|包|瓶|boxes|box|packs?|bags?)?)?[\s\p{P}\p{S}]*$", Options)]
    public static partial Regex RunningTally();

    // One name and its count in a tally: "张姐2", "Mei 2", "小米妈: 3份"; never one's own ("我1", "me 2").
    private const string Entry = @"(?!(我|me|i|mine)(?![a-z]))(\p{IsCJKUnifiedIdeographs}{1,4}|[a-z]+( [a-z]+)?)\s*[:\-]?\s*([0-9]{1,2}|[一两二三四五六七八九十])\s*(份|个|盒|箱|袋|包|瓶|boxes|box|packs?|bags?)?";

    /// <summary>A total that says it includes one's own share: "加上我的一共三份", "连我的共两份", "3 in total including mine".</summary>
    [GeneratedRegex(@"(加上|算上|连|包括|包含)\s*(我|我的|我家|我自己)|" + B + @"(including|with|plus) (me|mine|my own)" + B, Options)]
    public static partial Regex IncludingMine();

    /// <summary>
    /// The group's target, not an order: "we need 10 for the discount", "we still need 5 more", "还差3个人就成团", "满10份才发货".
    /// </summary>
    [GeneratedRegex(B + @"(we|u|you|they)\s+(still\s+)?need\s+(\d+|[a-z]+)\s+(more\s+)?(people|pax|members|persons|buyers|households|orders\s+(for|to))" + B
        + "|" + B + @"(we|u|you|they)\s+(still\s+)?need\s+(\d+|[a-z]+)\s+more(?=\s*($|[.!,;]|to" + B + "))"
        + "|(" + B + @"(we|u|you|they)\s+|(^|[,.!;]\s*))(still\s+)?need\s+(\d+|[a-z]+)\s+(more\s+)?(for|to)\s+(the\s+|a\s+)?(discount|deal|price|minimum|moq|unlock|reach|hit|qualify|bulk)" + B
        + @"|还差\s*([0-9]+|[一两二三四五六七八九十]+)\s*(个人|人|份|单)|满\s*([0-9]+|[一两二三四五六七八九十]+)\s*(个人|人|份|单)\s*(才|就|可以)", Options)]
    public static partial Regex GroupTarget();
}
