using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Colloquial and regional phrasings (Cantonese, Taiwanese, Singlish, casual English) and
/// corrections that restate a total. Families of phrasings, not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Joining without 要/want: "帮我记上", "求带", "帮我揪", "俾我" (Cantonese), "我全要了", "gimme",
    /// "I take 1", "chope", a raised hand 🙋/✋, "记我名下", and an order whose verb is in the other language ("我 take 两个", "we 要三份").
    /// </summary>
    [GeneratedRegex(@"帮我\s*(记|揪|带|留|报|算|登记|订|预留|chope|拼|占)|(记|挂)\s*(在)?\s*我(名下|这|这里|这边|账上|头上)|(给|替|帮)我\s*(记上|记一|登记)|记上我|求带|求拼|求上车|带我一|带上我|算埋我|我都要|俾我|畀我|要埋|我全要|全要了|全包了|包圆|跟上次一样|和上次一样|同上次|老样子|照旧|我也要揪|\+\s*揪|揪一|"
        + B + @"(gimme|give me|giv me|chope|i'?ll take|i take|we take|i'?d take|same as (last time|before|usual))" + B
        + @"|我(们|家)?\s*(也|都)?\s*(take|get|grab|order|book|want|reserve)\s*([0-9]|[一两俩二三四五六七八九十]|(one|two|three|four|five|a|an)" + B + @")" // "我 take 两个": an English verb
        + @"|" + B + @"(i|we|me)\s*(也|都)?\s*(要|来|订|拿)\s*([0-9]|[一两俩二三四五六七八九十])" // "I 要两份": a Chinese verb
        + @"|🙋|✋|🖐|🤚", Options)]
    public static partial Regex JoinColloquial();

    /// <summary>A raised hand alone answers the announcement ("🙋", "yes 🙋‍♂️").</summary>
    [GeneratedRegex(@"🙋|✋|🖐|🤚", Options)]
    public static partial Regex RaisedHand();

    /// <summary>
    /// A correction restating the total: "写错了 是两箱", "填错了 应该三份" (any slip verb with 错), "typo, should be 2", "meant 4 not 40",
    /// "scratch that, just one", "actually just 1 for me".
    /// </summary>
    [GeneratedRegex(@"(写|打|说|弄|搞|报|发|填|记|输|敲|按|选)错|笔误|改回|换回|typo|^\W*(actually\W*(just|only)(?![a-z])|其实\W*(就|只))|" + B + @"wrong (number|qty|quantity|amount|count)" + B + "|" + B + @"(change|put|set) (it |mine |that )?back to" + B + "|" + B + @"(i )?meant" + B + "|" + B + @"should (be|have been)" + B + "|" + B + @"scratch that" + B + "|" + B + @"correction" + B, Options)]
    public static partial Regex RestatedTotal();

    /// <summary>Going back to a different total when an earlier one is named: "还是要三盒吧 之前说的两盒".</summary>
    [GeneratedRegex(@"还是(要|改|换|订|来)", Options)]
    public static partial Regex RevertTo();

    /// <summary>
    /// Settling back on a smaller total, which only a change says: "还是只要一个吧", "算了还是就订两份", "on second thought just 1",
    /// "only one after all".
    /// </summary>
    [GeneratedRegex(@"还是(只|就)\s*(要|订|留|来|拿)|" + B + @"on second thoughts?\W*(just|only)" + B + "|" + B + @"(just|only) (\d+|one|two|three|four)( [a-z]+){0,3} after all" + B, Options)]
    public static partial Regex SettleOnLess();

    /// <summary>Voiding what one said before: "之前说的3份作废", "the 2 I said earlier doesn't count", "ignore my earlier 2".</summary>
    [GeneratedRegex(@"^\s*\S{0,4}?\s*(作废|不算|不作数|无效|取消(?!\s*([0-9]+|[一两二三四五六七八九十]))|不要了)|^\s*(\w+\s+){0,3}?(is |are )?(void|cancell?ed|scrapped|doesn'?t count|don'?t count|no longer)" + B, Options)]
    public static partial Regex VoidedAfter();

    /// <summary>Voiding the earlier amount named next: "ignore my earlier 2", "scrap the 3 from before", "前面那3份不算".</summary>
    [GeneratedRegex(B + @"(ignore|scrap|forget|disregard|cancel) (my|the|that)( earlier| previous| old)?\s*$", Options)]
    public static partial Regex VoidedBefore();

    /// <summary>Taking some off and stating what remains: "减一份吧 就要一份", "reduce by 1, just 2 then".</summary>
    [GeneratedRegex(@"(减|少|扣|reduce|less|minus)", Options)]
    public static partial Regex Decrement();

    [GeneratedRegex(@"(就|只|总共|一共|共)(要|留|订|来)|" + B + @"(just|only|total|in total)" + B, Options)]
    public static partial Regex FinalTotal();

    /// <summary>A new total stated beside the earlier one: "之前报了2份，现在要4份", "had 2, now 4 please".</summary>
    [GeneratedRegex(@"现在|改要|" + B + "now" + B, Options)]
    public static partial Regex NowTotal();

    /// <summary>Taking some off an earlier total without restating it: "原来报了3份，少要一份", "one less".</summary>
    [GeneratedRegex(@"少(要|订|拿|来)?|减(掉|去)?|" + B + @"(less|fewer|minus|take off|remove)" + B, Options)]
    public static partial Regex Decrease();

    /// <summary>"我家要两袋，我妈家要一袋，一共三袋": a total that adds up the shares just named.</summary>
    [GeneratedRegex(@"^(一共|总共|共|合共|total|in total|altogether)$", Options)]
    public static partial Regex SumWord();

    /// <summary>
    /// "can chope 1 for me?", "could add 2 for us?", "can change to 1 only?", "could I grab two more?", and an English modal
    /// before a Chinese verb ("Can 改成两份吗"): a request phrased as a question.
    /// </summary>
    [GeneratedRegex(B + @"(can|could|may)\s+(i\s+|we\s+|u\s+|you\s+)?(chope|add|reserve|book|get|grab|have|take|order|save|keep|put|change|revise|update|switch|make|reduce|cut|bump|increase|raise|lower|drop|up|top up|go up|go down|move)" + B
        + "|" + B + @"(can|could|may)\s*(i\s*|we\s*|u\s*|you\s*)?(改|换|加|减|帮我|给我)", Options)]
    public static partial Regex RequestQuestion();

    /// <summary>
    /// A wish the reply itself turns down: a "but" with a reason it cannot ("我也想要但是钱包不允许", "would love some but I'm
    /// skint") or an unreal condition ("I'd join if it were free", "要是免费我就要").
    /// </summary>
    [GeneratedRegex(@"(想|要|" + B + @"(want|love|like|would|i'?d)" + B + @")[^.!?。!?]{0,16}(但是|可是|不过|可惜|" + B + @"but" + B + @")[^.!?。!?]{0,16}(钱包|没钱|预算|不允许|买不起|舍不得|囊中羞涩|塞不下|放不下|装不下|没地方放|" + B + @"(can'?t afford|broke|skint|no budget|wallet|no money|shouldn'?t|should not|better not|mustn'?t|no (space|room))" + B + @")"
        + "|" + B + @"(i'?d|i would|we'?d|we would)\s+\w+(\s+\w+)?\s+if\s+(it|they|that|this)\s+(were|was)" + B + @"|要是[^,，。!?？]{0,6}(免费|不要钱|白送)(的话)?我?就", Options)]
    public static partial Regex WishDenied();

    /// <summary>A share named per person: "我一份 我妈一份", "老公两盒 我一盒".</summary>
    [GeneratedRegex(@"(我们家|我家|我|[我给帮]?(妈|爸|老公|老婆|同事|同学|室友|闺蜜|朋友|邻居|婆婆|公公|孩子|儿子|女儿|姐|妹|哥|弟)(?:\s*[a-z]{2,12}\s*(?=也|都|要)|\p{IsCJKUnifiedIdeographs}{1,3}?(?=\s*(也|都)))?|[^\s\p{P}]{1,3}(妈|爸|家))\s*(也|都)?\s*(要|来|拿|订)?\s*([0-9]+|[一两二三四五六七八九十俩])\s*[份个盒箱袋瓶包件套斤]", Options)]
    public static partial Regex PersonShare();

    /// <summary>Leaving in Cantonese and mixed text: "我唔要喇", "drop 我 from the list".</summary>
    [GeneratedRegex(@"唔要|唔使(喇|了|啦)|唔跟|唔参加|唔报|唔买|" + B + @"(drop|remove|delete|cross out|strike|take)\s*(我们|我|我家)", Options)]
    public static partial Regex LeaveColloquial();

    /// <summary>"加我" meaning "add me as a contact": a handle or contact app is named.</summary>
    [GeneratedRegex(@"(微信|wechat|weixin|wx|vx|whatsapp|telegram|tg|ig|instagram|line|电话|手机|好友)", Options)]
    public static partial Regex ContactTalk();

    /// <summary>
    /// A second share for someone else: "再帮我同事带一份", "顺便帮楼下张姐也订一箱", "帮我邻居也带一份", "顺便帮 Kelly 报 1 份" (a name
    /// set off by spaces), "plus one for my colleague",
    /// and another's share counted on one's own ("隔壁李姐的3个也算我这", "and Sam's 2 on my name").
    /// </summary>
    [GeneratedRegex(@"(再|另外|还|顺便)\s*(帮|给|替)\s*[^\s,，。!?;]{1,6}?\s*(带|要|来|订|留|拿|报)|(帮|给|替)\s*[^\s,，。!?;]{1,6}?\s*也\s*(带|要|来|订|留|拿|报)|也\s*(算|记|挂|放)\s*(在)?\s*我(这|这里|这边|名下|头上|账上)|" + B + @"(plus|and|also)\s+(\w+\s+)?for (my|our) \w+|" + B + @"(on|under|onto|to) my (name|order|tab|list)" + B, Options)]
    public static partial Regex ShareForAnother();
}
