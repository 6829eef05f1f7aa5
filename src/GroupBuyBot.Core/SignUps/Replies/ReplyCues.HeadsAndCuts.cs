using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Who and how much a reply counts where the earlier rules did not read it (added with dev-12): a count wanted with no subject, a whole
/// headcount coming, the heads named as the whole sign-up, another's share named by kin word or by name, part of an order
/// cancelled and the rest kept, an earlier wish cut to what is enough, a number only guessed at. Families of phrasings,
/// not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Joining without "I": a count wanted with no subject ("need 3, ok?", "want two boxes", "also need 1"), a whole
    /// headcount coming ("family of 4, all going", "we're all in", "全家都去"), and "把我家也记上" (put my household down too). Not the group's target ("need 5 more people").
    /// </summary>
    [GeneratedRegex(@"(^|[,.!;\n]\s*)(also |just |only |still |will |would )?(need|needs|want|wants|taking|take)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple|a few|a dozen|half a dozen)(?![a-z0-9])(?!\s+(more\s+)?(people|pax|members|persons|buyers|households|orders|to|for the (discount|deal|moq))" + B + ")"
        + "|" + B + @"((we'?re|we are|they'?re|they are) all|all of us|everyone'?s|everyone is|all|whole family|the whole family|whole family is|the whole family is)\s+(in|coming|going|joining|attending|keen)" + B + @"(?!\s*\?)"
        + @"|(全家|一家\S{0,3}|我们\S{0,2})\s*都\s*(去|来|参加|报名|要)"
        + @"|把\s*(我们家|我们|我家|我)\s*(也|都)?\s*(记上|算上|加上|算进|加进|写上|报上|记|算|加)", Options)]
    public static partial Regex JoinSubjectless();

    /// <summary>
    /// The heads named as the whole sign-up, at the end of the reply: "🙋 我跟老婆", "+1 me and hubby", "加我,我和我妈", "me, my
    /// wife and my son". Not "我同事" (a colleague) nor heads followed by what they like ("我和老公都爱吃").
    /// </summary>
    [GeneratedRegex(@"(^|[\s\p{P}\p{S}])(我|me)\s*((,|、)\s*(my\s+|our\s+|我)?[\p{IsCJKUnifiedIdeographs}a-z]{1,10}\s*)*(和|跟|与|同(?!事|学|意|样|上|问|款|一|时)|\+|&|" + B + @"and" + B + @")\s*(my\s+|our\s+|我)?[\p{IsCJKUnifiedIdeographs}a-z]{1,10}(\s*(俩|两个|both))?[\s\p{P}\p{S}]*$", Options)]
    public static partial Regex HeadsListed();

    /// <summary>Part of an order cancelled: "cancel one box", "drop 1", "取消一盒", "退掉一份", "去掉两个".</summary>
    [GeneratedRegex(B + @"(cancel|drop|remove|scrap|minus|take off)\s+(\d+|one|two|three|four|a|an)" + B + @"(?!\s*(more|extra)" + B + ")"
        + @"|(取消|退掉?|去掉|减掉?|砍掉?|少要)\s*([0-9]+|[一两二三四五六七八九十])\s*[份个盒箱袋瓶包件套斤只罐]", Options)]
    public static partial Regex CancelSome();

    /// <summary>
    /// A part taken off, its count in <c>n</c>: "drop one", "cancel 1", "take one off", "one less", "reduce by 1", "减一份",
    /// "少要两盒", "去掉一个". Only a change of an earlier total when the reply names that total. Not "no less than 2", "至少一份".
    /// </summary>
    [GeneratedRegex(B + @"(cancel|drop|remove|scrap|minus|deduct|subtract|take off|knock off)\s+(?<n>\d+|one|two|three|four|five|a|an)" + B + @"(?!\s*(more|extra)" + B + ")"
        + "|" + B + @"(take|knock)\s+(?<n>\d+|one|two|three|four|five|a|an)(\s+[a-z]+)?\s+off" + B
        + "|" + B + @"(reduce|cut|lower|decrease)(\s+(it|mine|that|ours|my \w+|our \w+))?\s+by\s+(?<n>\d+|one|two|three|four|five)" + B
        + "|" + B + @"(?<n>\d+|one|two|three|four|five)(\s+[a-z]+)?\s+(less|fewer)" + B + @"(?!\s+than" + B + ")"
        + @"|(取消|退掉?|去掉|减少|减去|减掉?|砍掉?|扣掉?|(?<![至最多很不])少(要|订|拿|来)?)\s*(?<n>[0-9]+|[一两二三四五六七八九十])\s*[份个盒箱袋瓶包件套斤只罐台]", Options)]
    public static partial Regex TakenOff();

    /// <summary>
    /// What is kept after a part is cancelled: "keep the other", "keep the other 2", "still want 1", "留一盒", "剩下两份",
    /// "还要一份". "the other" alone is one.
    /// </summary>
    [GeneratedRegex(B + @"(keep|keeping|leave|leaving|still (want|take|need|have))\s+((?<other>the other( one| box| bag| pack| portion| set)?)(?!\s*(\d|two|three|four|five))|(the (other|remaining|last)\s+)?)" + B
        + @"|(留|保留|剩下?|还要|只要|就要)\s*(?<other>另(外)?(一|1)?\s*[份个盒箱袋瓶包件套斤只罐](?![0-9一两二三四五六七八九十]))?", Options)]
    public static partial Regex KeepRest();

    /// <summary>
    /// What is said after a count to make it the new, smaller total: "1 is enough", "2 will do", "one's fine", "两份就够了",
    /// "一个就行".
    /// </summary>
    [GeneratedRegex(@"^\s*(boxes|box|bags?|packs?|portions?|sets?|of them|[份个盒箱袋瓶包件套斤只罐])?\s*(" + B + @"(is|are|'s|will be|would be|should be)\s+(enough|fine|plenty|sufficient|ok|okay)" + B + "|" + B + @"(will|would|should) do" + B + @"|(就|也)?(够了|足够|够|就行|行了|就好|可以了))", Options)]
    public static partial Regex EnoughAfter();
}
