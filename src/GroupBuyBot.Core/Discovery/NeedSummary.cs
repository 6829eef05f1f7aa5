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
        // The asking is read in simplified characters ("有沒有人要一起" is "有没有人要一起"), the summary kept in the writer's.
        var folded = TraditionalFold.Fold(text);
        var clean = Mention().Replace(Url().Replace(folded, " "), " ").Trim();
        var result = Named(clean) ?? clean;
        result = result.Length > MaxLength ? result[..CutAt(result, MaxLength)].TrimEnd() + "…" : result;
        return ReferenceEquals(folded, text) ? result : InWritersCharacters(result, folded, text);
    }

    // The summary is what is left of the folded text: each of its characters is found, in order, in the folded text,
    // and the writer's own character at that place is taken (the fold changes characters, never their places).
    private static string InWritersCharacters(string summary, string folded, string original)
    {
        var chars = summary.ToCharArray();
        var from = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            var at = folded.IndexOf(chars[i], from);
            if (at < 0) continue;
            chars[i] = original[at];
            from = at + 1;
        }

        return new string(chars);
    }

    // The first clause that asks or raises a want, with the asking removed; else the first clause with words left.
    private static string? Named(string text)
    {
        string? plain = null, personal = null;
        // Greetings and the people addressed ("各位邻居", "早上好各位", "Hi parents", "问一下") are not the asking: gone first.
        foreach (var clause in ClauseBreak().Split(text).Select(c => Edge().Replace(UntilStable(Address(), Edge().Replace(c, "")), "")).Where(c => c.Length > 0))
        {
            var named = Edge().Replace(Han().IsMatch(clause) ? StripChinese(clause) : StripEnglish(clause), "");
            var asks = named != clause || NeedCues.HasWantCue(ChatTextNormalizer.Normalize(clause));
            if (named.Length < 2)
            {
                if (asks && (plain ?? personal) is { } before) return before; // "…爱文芒果今年开卖了,要不要揪团?" named it before asking
                continue;
            }

            // "赣南脐橙这周特别甜,有人想一起团一箱吗?": the asking names no thing ("团一箱"); the clause before did.
            if (asks && (ObjectLess().IsMatch(named) || EnglishObjectLess().IsMatch(named))) return plain ?? personal ?? named;
            if (asks) return named;

            // The clause nearest the asking names the thing: "中秋快到了,我同学做的蛋黄酥超好吃,有人要一起订吗".
            if (Packaging().IsMatch(named) || Terms().IsMatch(named) || Occasion().IsMatch(named)) continue; // "5斤一箱", "满10台打八折", "CNY coming": how it comes or when, not what it is
            var thing = Edge().Replace(Han().IsMatch(named) ? StripAbout(named) : named, "");
            thing = thing.Length >= 2 ? thing : named;

            // "我家Mochi要剪毛了" is the asker's situation: a clause about the thing ("下周有个grooming van来小区") comes first.
            if (FirstPerson().IsMatch(thing)) personal = thing;
            else plain = thing;
        }

        return plain ?? personal;
    }

    private static string StripChinese(string clause) =>
        UntilStable(ChineseTail(), ChineseLeadVerb().Replace(ChineseAsking().Replace(clause, ""), "").Trim());

    // What a clause says about the thing rather than the thing: whose it is, who makes it, that it is in season or
    // good ("我屏东朋友的爱文芒果今年开卖了" → "爱文芒果", "山东的樱桃今年特别大" → "山东的樱桃").
    private static string StripAbout(string clause) =>
        UntilStable(Praise(), Maker().Replace(Owner().Replace(clause, ""), "")).Trim();

    private static string StripEnglish(string clause) =>
        EnglishTail().Replace(EnglishLeadVerb().Replace(UntilStable(EnglishAsking(), clause), ""), "").Trim();

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

    // Who is addressed and greeted at the start of a clause, and a "by the way" aside: "各位邻居", "早上好各位",
    // "姐妹们 ", "Hi parents", "Good morning all", "问一下 ", "顺便问一下".
    [GeneratedRegex(@"^((各位|大家|亲们|早上好|早安|早晨|晚上好|下午好|大家好|你们好|哈喽|嗨)\s*|(邻居|街坊|家长|宝妈|姐妹|团员|群友|同学|朋友|业主)们?(?=\s|$)\s*|(顺便|另外|再)?(问一下|问下|问问|请问)\s*|(hi|hey|hello|dear|good morning|morning|good evening|evening)((\s+(all|everyone|everybody|guys|folks|team|neighbours|neighbors|parents|families|friends|residents|ladies|mums|moms|band families|club))+)?(\W+|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    // An English asking with nothing left but a pronoun or a reply ("Would you want to go in on it", "share it",
    // "Interested", "kindly reply", "who's coming"), or an amount with nothing counted ("about 20kg", "a few kg").
    [GeneratedRegex(@"^((would|do|will) (you|u) )?(want to |wanna |like to |be keen to )?((go in on|go halves on|share|split|join|do|chip in on|chip in for|pool|come|be in on)\s*)?(it|this|that|one|us|them|in|on it)?$|^(interested|keen|kindly reply|reply|pls reply|please reply|let me know|dm me|pm me|who'?s (in|coming|keen|interested)|anyone|any takers)$|^(about |around |roughly |a few |some |like )?\d*\s*(kg|g|lb|lbs|bags?|boxes?|packs?|kilos?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishObjectLess();

    // When, alone in a clause: a season or a festival coming ("CNY coming", "中秋快到了", "天热了", "下周三").
    [GeneratedRegex(@"^(\S{1,8}\s?(coming|is coming|is near|soon)|\S{1,6}(快到了|要到了|到了|来了|就快到)|天(热|冷|凉)(起来)?了|(下|这|本)(周|星期|礼拜)[一二三四五六日天]?(到货)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Occasion();

    [GeneratedRegex(@"@\S+")]
    private static partial Regex Mention();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    // Punctuation, symbols and spaces at either end ("…?", "🙏", "~~").
    [GeneratedRegex(@"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")]
    private static partial Regex Edge();

    // Who is asked, whether, where and how, together: the asking, wherever it stands in the clause.
    [GeneratedRegex(@"(大家|各位|你们)?(有没有|有冇)(人|邻居|家长|朋友|谁)?(想|要|愿意|打算|有兴趣|感兴趣|知道|认识|需要)?|有(想|需)?要的(话)?|(想|要)(?=(一起|一块|夹埋)?(报|订|买|约|租|团|拼|囤|请|带|给|学|去|做)\S)|对(?=[^，,]{2,}?\s*(感兴趣|有兴趣|interested))|有人(想|要|愿意|打算|有兴趣|知道|认识|需要)?|谁(想|要|知道|认识|需要)|(大家|各位|你们)(想|要(?!不要)|有没有)?|(我|我们|我家|咱们|咱)(也|都|还|一直|最近)*(想|要|打算|准备|需要|得|在)|要不要|要不|想不想|^想|一起|一块儿?|一齐|一同|夹埋|哪里(能|可以|有)?|哪儿(能|可以|有)?|去哪(里|儿)?|(能|可以)(请|找|叫)(个|位)?人?|请人|找人|求推荐|推荐(一下|个)?|有兴趣的?(话)?|的话")]
    private static partial Regex ChineseAsking();

    // A booking or buying verb with its measure word at the start: "约个空调清洗" → "空调清洗", "团点大闸蟹" → "大闸蟹".
    // A bare one before a thing of two characters or more: "订凤梨酥" → "凤梨酥", "报游泳课" → "游泳课".
    [GeneratedRegex(@"^(约|订|报|买|找|请|叫|团|拼|囤|凑|租)(个|一个|点|些|一些|一下|一波|一单)|^(订|约|买|报|租|团|拼|囤)\s*(?=\S{2,})")]
    private static partial Regex ChineseLeadVerb();

    [GeneratedRegex(@"(的)?(吗|呢|嘛|么|吧|啊|呀|哦|呗|不|冇)$|(拼单|团购|揪团|开团|凑单)$|(感兴趣|有兴趣|interested)$|的$")]
    private static partial Regex ChineseTail();

    // A deal's terms: a count with a threshold or a discount ("5只起每只便宜50", "同一栋满10台上门打八折").
    [GeneratedRegex(@"[\p{N}一二两三四五六七八九十百千几]\S*(起|以上|便宜|折|优惠|包邮|免运费?|减)|满\s*[\p{N}一二两三四五六七八九十百千几]")]
    private static partial Regex Terms();

    [GeneratedRegex(@"^(我|我们|我家|咱|咱们|俺)")]
    private static partial Regex FirstPerson();

    // How it comes, alone in a clause: "5斤一箱", "10斤一袋", "6个一盒".
    [GeneratedRegex(@"^[\p{N}一二两三四五六七八九十几半.$¥￥]+\s*\p{IsCJKUnifiedIdeographs}?\s*[一每]?\s*\p{IsCJKUnifiedIdeographs}?(\s*[$¥￥]?[\p{N}一二两三四五六七八九十百千万]+(\.\p{N}+)?\s*(元|块|刀)?)?$")]
    private static partial Regex Packaging();

    // Whose it is, at the start: "我屏东朋友的…", "朋友的…", "老家的…".
    [GeneratedRegex(@"^(我|我们|我家|朋友|亲戚|同学|同事|邻居|老乡|老家)[^，,。的]{0,8}的")]
    private static partial Regex Owner();

    // Who makes or grows it: "太太做的…", "在家包的…".
    [GeneratedRegex(@"^[^，,。的]{1,8}(做|种|卖|烤|包|养|酿|腌|产|摘)的(?=\S{2,})")]
    private static partial Regex Maker();

    // Praise or season at the end: "…超好吃", "…今年特别大", "…今年开卖了", "…到货了".
    // Praise needs its "very" ("五常稻花香" is a name, "…特别香" praise); the season does not.
    [GeneratedRegex(@"(今年|这周|本周|这次|最近|现在|真的)*(超|特别|很|非常|巨|贼|好|太)+(好吃|甜|新鲜|便宜|划算|香|大|好|棒|靠谱|正宗|实惠)了?(的)?$|(今年|这周|本周|这次|最近|现在|终于|刚刚|已经|也)*(开卖|上市|下来|到货|有货|开售|打折|特价|上新|熟)了?$")]
    private static partial Regex Praise();

    // What is left when the asking named no thing: a verb of buying with a count ("团一箱", "拼一单", "来两份").
    [GeneratedRegex(@"^(团|拼|买|订|约|报|凑|囤|来|搞|弄|整|要|找|请|叫|租)?\s*(一|两|几|俩|仨|[0-9]+)?\s*(个|箱|份|盒|袋|斤|批|单|下|波|些|点|套|桶|件|次|包|只|罐|瓶|打|双|支|台)?$|^(要的|想要的)?\s*(说一声|说一下|说下|吱一声|私聊|私我|联系我|找我|告诉我|留言|报名|接龙|接一下龙|接个龙|mark一下|reply|回复)(我)?$")]
    private static partial Regex ObjectLess();

    [GeneratedRegex(@"^(hi|hey|hello|morning|evening|eh|oi|yo)( all| everyone| guys| folks| neighbours| neighbors)?(\W+|$)|^(so|ok|okay|also|btw|quick question)(\W+|$)|^(does |is there |would |will |is |has )?(anyone|anybody|someone|any of you)( else)?( here)?( around here)? (be )?(want|wants|wanna|need|needs|keen|interested|fancy|up for|know|knows|going|in|like)( (to|in|on|for|of))?\b|^(who'?s|who is|who else is|who else|who) (in|keen|interested|up for|wants|want|needs|fancies)( (for|in|on|to))?\b|^(i'?m|i am|we'?re|we are) (looking for|thinking of|thinking about|planning to|planning on|after|keen on|keen to|hoping to)\b|^(i'?d|i would|we'?d|we would) (like|love) to\b|^(i|we) (want|need) to\b|^(i|we) (want|need)\b|^(let'?s|shall we|should we|how about|what about|can we|could we)\b|^(any )?(good |decent )?recommendations? (for|on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishAsking();

    // Before an article or a count only ("book a carpet clean" → "a carpet clean"): "book club" stays.
    [GeneratedRegex(@"^(book|order|buy|hire|get|go in on|chip in on|chip in for|split|share)\s+(?=(a|an|the|some|one|two|\d+)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishLeadVerb();

    [GeneratedRegex(@"(,?\s*(anyone|anybody|together|with me|as a group|if enough people join|too|as well))+$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTail();
}
