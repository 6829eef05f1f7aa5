using System.Text.RegularExpressions;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// The embedded extractor's summary of a need: the wanted thing named from the message that raised it, not the
/// message copied ("周末有没有人想带娃去做陶艺?万达三楼…" → "周末带娃去做陶艺", "有人知道哪里能请人上门清洗空调吗?" →
/// "上门清洗空调", "Does anyone know a good Mandarin tutor for kids?" → "a good Mandarin tutor for kids"). It keeps the
/// clause that carries the want and removes the asking around it (who, whether, where, together, the particles):
/// grammar of asking, never a list of products, so it names things it has never seen.
/// </summary>
public static partial class NeedSummary
{
    public const int MaxLength = 60;

    /// <summary>The summary of <paramref name="text"/>; the text itself (capped) when nothing is left after the asking.</summary>
    public static string Of(string text)
    {
        var clean = Mention().Replace(Url().Replace(text, " "), " ").Trim();
        var result = Named(clean) ?? clean;
        return result.Length > MaxLength ? result[..CutAt(result, MaxLength)].TrimEnd() + "…" : result;
    }

    // The first clause that asks or raises a want, with the asking removed; else the first clause with words left.
    private static string? Named(string text)
    {
        string? plain = null;
        foreach (var clause in ClauseBreak().Split(text).Select(c => Edge().Replace(c, "")).Where(c => c.Length > 0))
        {
            var named = Edge().Replace(Han().IsMatch(clause) ? StripChinese(clause) : StripEnglish(clause), "");
            if (named.Length < 2) continue;
            var asks = named != clause || NeedCues.HasWantCue(ChatTextNormalizer.Normalize(clause));
            // "赣南脐橙这周特别甜,有人想一起团一箱吗?": the asking names no thing ("团一箱"); the clause before did.
            if (asks && ObjectLess().IsMatch(named)) return plain ?? named;
            if (asks) return named;
            plain ??= named;
        }

        return plain;
    }

    private static string StripChinese(string clause) =>
        UntilStable(ChineseTail(), ChineseLeadVerb().Replace(ChineseAsking().Replace(clause, ""), "").Trim());

    private static string StripEnglish(string clause) => EnglishTail().Replace(UntilStable(EnglishAsking(), clause), "").Trim();

    // "下周音乐节 揪团吗" loses "吗", then "揪团"; "Hi all, anyone want to…" loses the greeting, then the asking.
    private static string UntilStable(Regex pattern, string text)
    {
        for (var i = 0; i < 3; i++)
        {
            var stripped = pattern.Replace(text, "").Trim();
            if (stripped == text) break;
            text = stripped;
        }

        return text;
    }

    private static int CutAt(string text, int max) => char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;

    // Sentence ends, and commas in Chinese (a Chinese sentence strings its clauses with them); English commas stay.
    [GeneratedRegex(@"[。！？!?;；\n]+|[，,](?=\s*\p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs})[，,]|\.(\s+|$)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"@\S+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    // Punctuation, symbols and spaces at either end ("…?", "🙏", "~~").
    [GeneratedRegex(@"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")]
    private static partial Regex Edge();

    // Who is asked, whether, where and how, together: the asking, wherever it stands in the clause.
    [GeneratedRegex(@"(有没有|有冇)(人|邻居|家长|朋友|谁)?(想|要|愿意|打算|有兴趣|感兴趣|知道|认识|需要)?|有人(想|要|愿意|打算|有兴趣|知道|认识|需要)?|谁(想|要|知道|认识|需要)|(大家|各位|你们)(想|要|有没有)?|(我|我们|我家|咱们|咱)(也|都|还|一直|最近)*(想|要|打算|准备|需要|得|在)|要不要|想不想|^想|一起|一块儿?|一齐|哪里(能|可以|有)?|哪儿(能|可以|有)?|去哪(里|儿)?|(能|可以)(请|找|叫)(个|位)?人?|请人|找人|求推荐|推荐(一下|个)?|有兴趣的?(话)?|的话")]
    private static partial Regex ChineseAsking();

    // A booking or buying verb with its measure word at the start: "约个空调清洗" → "空调清洗", "团点大闸蟹" → "大闸蟹".
    [GeneratedRegex(@"^(约|订|报|买|找|请|叫|团|拼|囤|凑)(个|一个|点|些|一些|一下|一波|一单)")]
    private static partial Regex ChineseLeadVerb();

    [GeneratedRegex(@"(的)?(吗|呢|嘛|么|吧|啊|呀|哦|呗|不)$|(拼单|团购|揪团|开团|凑单)$")]
    private static partial Regex ChineseTail();

    // What is left when the asking named no thing: a verb of buying with a count ("团一箱", "拼一单", "来两份").
    [GeneratedRegex(@"^(团|拼|买|订|约|报|凑|囤|来|搞|弄|整|要)?\s*(一|两|几|俩|仨|[0-9]+)?\s*(个|箱|份|盒|袋|斤|批|单|下|波|些|点|套|桶|件|次)?$")]
    private static partial Regex ObjectLess();

    [GeneratedRegex(@"^(hi|hey|hello|morning|evening)( all| everyone| guys| folks| neighbours| neighbors)?(\W+|$)|^(so|ok|okay|also|btw|quick question)(\W+|$)|^(does |is there |would |will |is |has )?(anyone|anybody|someone|any of you)( else)?( here)?( around here)? (be )?(want|wants|wanna|need|needs|keen|interested|fancy|up for|know|knows|going|in|like)( (to|in|on|for|of))?\b|^(who'?s|who is|who else is|who else|who) (in|keen|interested|up for|wants|want|needs|fancies)( (for|in|on|to))?\b|^(i'?m|i am|we'?re|we are) (looking for|thinking of|thinking about|planning to|planning on|after|keen on|keen to|hoping to)\b|^(i'?d|i would|we'?d|we would) (like|love) to\b|^(i|we) (want|need) to\b|^(i|we) (want|need)\b|^(let'?s|shall we|should we|how about|what about|can we|could we)\b|^(any )?(good |decent )?recommendations? (for|on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishAsking();

    [GeneratedRegex(@"(,?\s*(anyone|anybody|together|with me|as a group|if enough people join|too|as well))+$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTail();
}
