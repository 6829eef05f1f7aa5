using System.Text.RegularExpressions;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// What the reply structure says when the cue words alone do not: which message a join-in with no topic answers, and
/// whether a reply inside a topic orders a number of the thing. Used by <see cref="EmbeddedNeedExtractor"/>.
/// </summary>
internal static partial class ReplyStructure
{
    // A count is an order only beside a word that orders: "那我 5 个蛋黄", "那再加一盒", "1 for Noah"; "我认识一个学生" is not.
    [GeneratedRegex(@"要|来|加|订|留|算|拿|再|那我|(?<![a-z])(take|get|order|add|for|put)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex OrderWord();

    // "六个月以上", "两个小时", "一个人": counts of time or people, never of what is bought.
    [GeneratedRegex(@"个(月|小时|钟|星期|礼拜|人|朋友|师傅|老师)|(?<![a-z])(months?|hours?|weeks?|people|persons?|guys?)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DurationsAndPeople();

    /// <summary>
    /// The message that raised the want a join-in with no topic commits to: the one it replies to (or, top-level, the
    /// one just before), written by another member, in no topic yet, about something (two content grams, no joke, no
    /// question about the past). A reply to an answer climbs to the question answered ("有没有阳光玫瑰葡萄?" ← "有,云南的"
    /// ← "葡萄我要一箱"). A statement that asked nobody anything counts only when it opens its own thread
    /// ("空调一开又是一股霉味"), never as a remark inside another ("明天我去物业办公室当面说" ← "算我一个,一起去"). A bare
    /// "+1" or "我家也是" commits to nothing (<see cref="NeedCues.CommitsToIt"/>). Null when nothing raised it.
    /// </summary>
    public static int? RaisedBy(ChatMessage join, int position, IReadOnlyList<ChatMessage> window, Func<long, bool> inTopic)
    {
        // "我家厨房也是…要不一起找个疏通的" under "我家下水道又堵了": proposing to do it together commits as much as a sign-up.
        if (!NeedCues.CommitsToIt(join.Text) && !NeedCues.IsSolicitation(ChatTextNormalizer.Normalize(join.Text)))
        {
            return null;
        }

        var raised = join.ReplyToId is long parent ? IndexOf(window, parent, position) : position - 1;
        if (raised < 0)
        {
            return null;
        }

        if (window[raised].ReplyToId is long answered && IndexOf(window, answered, raised) is var question and >= 0
            && !inTopic(answered) && window[question].FromId != window[raised].FromId
            && NeedCues.Classify(window[question].Text) == NeedAct.Question)
        {
            raised = question;
        }

        var message = window[raised];
        var act = NeedCues.Classify(message.Text);
        var raisesAWant = act == NeedAct.Question || act == NeedAct.Other && message.ReplyToId is null;
        return message.FromId != join.FromId && !inTopic(message.Id) && raisesAWant
            && NeedCues.AsksForSomething(message.Text) && !NeedCues.IsPlayful(ChatTextNormalizer.Normalize(message.Text))
            ? raised
            : null;
    }

    /// <summary>The speaker orders a number of something: a count with a unit beside an ordering word, not asked or refused.</summary>
    public static bool OrdersACount(string normalizedText) =>
        !NeedCues.IsQuestionOrNegative(normalizedText) && NeedCues.SpeaksForSelf(normalizedText) && OrderWord().IsMatch(normalizedText)
        && QuantityExtractor.Find(DurationsAndPeople().Replace(normalizedText, "_")).Any(m => m.HasUnit);

    // A variant picked by its size alone: "in, L", "M for me", "XXL, and don't laugh", "120码", "大号两件".
    [GeneratedRegex(@"(?<![a-z0-9'])(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)(?![a-z0-9'])|[0-9]{2,3}\s*码|(加大|大|中|小)号|均码", RegexOptions.CultureInvariant)]
    private static partial Regex SizeCode();

    // Asking to be let in: "can I grab the other slot?", "could we get one?", "is there room?", "还能加吗", "能给我留一份吗".
    [GeneratedRegex(@"(?<![a-z])(can|could|may) (i|we) (also |still )?(get|grab|have|take|book|add|join|squeeze|reserve|order)(?![a-z])|(?<![a-z])(can|could|may) (he|she|they|my \w+|our \w+) (also |still )?(join|come)(?![a-z])|(?<![a-z])(can|could) (you )?(include|add|count) (me|us)(?![a-z])|仲(有|可以)(位|名额|位置|加|报)|(?<![a-z])(any|still|is there|got) (room|space|spots?|slots?|places?)(?![a-z])|还(能|可以)(加|报|算|要|上车|参加|订)|(能|可以)(给|帮)?我(也)?(留|加|算|订|报|带)|(能|可以)(也)?(算|加|报|参加)(进来|上|进去)?(吗|么|不|[?])|还有(位置|名额|空位)", RegexOptions.CultureInvariant)]
    private static partial Regex IncludeRequest();

    // Money put in: "I'll chip in a tenner", "throw in a fiver", "pitch in £10".
    [GeneratedRegex(@"(?<![a-z])(chip|throw|pitch|put|kick) in (a |an )?(fiver|tenner|quid|[£$€¥]\s*[0-9]+|[0-9]+\s*(quid|bucks|dollars|euros|pounds))", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyIn();

    // An entry of a list, name or "me" first and then a count: "花花 2盒", "me 1", "小吴 鸡蛋1盒", "Dean 2".
    [GeneratedRegex(@"^\W*(me|\p{L}[^\s,，:：0-9]{0,7})\s*[:：]?\s*[^\s,，0-9]{0,6}\s*[0-9]{1,2}\s*[^\s,，.!?0-9]{0,2}(?=$|[\s,，.!])", RegexOptions.CultureInvariant)]
    private static partial Regex ListEntry();

    // An exclamation before the answer: "omg yes I've been meaning to", "哇 好啊".
    [GeneratedRegex(@"^\W*(omg|wow|oh wow|哇塞?|天哪)\W*", RegexOptions.CultureInvariant)]
    private static partial Regex Exclamation();

    /// <summary>Says yes, after any exclamation, without asking or refusing: "omg yes I've been meaning to".</summary>
    public static bool AnswersYes(string normalizedText) =>
        NeedCues.IsAffirmative(Exclamation().Replace(normalizedText, "")) && !NeedCues.IsQuestionOrNegative(normalizedText);

    // Naming oneself in answer to a call: "me!", "in", "我家!!", "我去!", "我和我男朋友去!", "我去,我有驾照可以换着开".
    [GeneratedRegex(@"^\W*((me|us|in)\W*$|(me|us)(\W+(me|us))*\s*!|^\W*(?!(that|this|it|same|ok|okay|yes|no|mine|ours|me|us)\s)[a-z][a-z']{1,11}( [a-z][a-z']{1,11})? (also|too)\s*([,.!~]|$)|(我|我们|我家|我们家)\s*[!~]|我(们|家)?((和|跟|带)[^,，。!?？\s]{1,6})?也?(去|来|参加)\s*([!,~]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex SelfNomination();

    /// <summary>Names the speaker as one of those going or taking part ("me!", "我去!"): a join when it answers a call.</summary>
    public static bool NamesSelf(string normalizedText) => SelfNomination().IsMatch(normalizedText);

    // Asking whether the offer also has another thing: "她那边有没有普洱?", "他有卖刀吗?", "do they sell knives too?".
    [GeneratedRegex(@"有没有[^,，。!?？]{1,10}[?吗]|有(卖|带|做|代购)[^,，。!?？]{0,8}(吗|[?])|(?<![a-z])(do|does|can) (they|you|she|he|it) (also )?(have|sell|do|stock|get)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex AnotherThing();

    /// <summary>
    /// A want under an offer that asks after something else it might have ("鲜花饼太甜了我不行,她那边有没有普洱?我想买点熟普"):
    /// a want of its own, however many words it shares with the offer.
    /// </summary>
    public static bool AsksAfterAnotherThing(string normalizedText) => AnotherThing().IsMatch(normalizedText);

    /// <summary>States a deal's terms or a price, or tells of a past purchase: information, not an order.</summary>
    public static bool StatesTerms(string normalizedText) => NotAnOrder().IsMatch(normalizedText);

    // Not an order, though it has a count: a past purchase ("我上周买了两只", "之前是一节120"), what one has or lends
    // ("我有一套,看完了可以借你们"), hearsay, or the deal's terms and prices ("满8人198一位", "头三天打八折", "$42/tube").
    [GeneratedRegex(@"^\W*有[,，\s]|包邮|运费|发货|买了|买过|上(周|次|个月)|去年|之前|以前|我(家)?有|借|听说|折|优惠|便宜|满\s*[0-9一二两三四五六七八九十]|[0-9]\s*(元|块|刀|镑|蚊|一位|每位|/)|[$¥￥£€₹]|(?<![a-z])(bought|last (week|time|year|month)|used to|i have|we have|i'?ve got|we'?ve got|lend|borrow|each|per|off|discount)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex NotAnOrder();

    // Counts that only say how long, how often or how much of an action: "三天", "看一下", "一点", "一起".
    [GeneratedRegex(@"[0-9一二两三四五六七八九十几]+\s*(天|日|周|年|分钟|次|遍)|一(下|点|些|起|样|直|般)", RegexOptions.CultureInvariant)]
    private static partial Regex NotACount();

    /// <summary>
    /// A reply inside a topic's thread that takes its part of the order without any ordering word: a size ("in, L",
    /// "M for me"), a list entry ("花花 2盒", "me 1, pass you cash on Tue"), a short count ("one bag of that so"), money
    /// put in ("I'll throw in a fiver"). Not when it asks, refuses or tells of a past purchase.
    /// </summary>
    public static bool TakesAPart(string normalizedText)
    {
        var t = normalizedText;
        if (MoneyIn().IsMatch(t)) return true;
        if (NeedCues.IsQuestionOrNegative(t) || NotAnOrder().IsMatch(t) || t.Length > 40) return false;
        var firstClause = t.Split([',', '，', '.', '!', ';', '。'], 2)[0];
        if (SizeCode().IsMatch(t.Length <= 24 ? t : firstClause) || ListEntry().IsMatch(t)) return true;

        // A count that is most of the message: "one bag of that so", "两盒就好".
        var counted = NotACount().Replace(DurationsAndPeople().Replace(t, "_"), "_");
        return QuantityExtractor.Find(counted).Where(m => m.HasUnit).Any(m => ContentGrams.Of(counted.Remove(m.Start, m.End - m.Start)).Count <= 2);
    }

    /// <summary>Picks a part of an order: a size ("M for me"), a list entry ("Dan 2"), money put in. Saying so is buying.</summary>
    public static bool PicksAPart(string normalizedText) =>
        MoneyIn().IsMatch(normalizedText)
        || !NeedCues.IsQuestionOrNegative(normalizedText) && normalizedText.Length <= 24 && (SizeCode().IsMatch(normalizedText) || ListEntry().IsMatch(normalizedText));

    /// <summary>Asks to be let in ("can I grab the other slot for my younger one?", "还能加吗?"): a join, though it asks.</summary>
    public static bool AsksToBeIncluded(string normalizedText) => IncludeRequest().IsMatch(normalizedText) && !NeedCues.IsDeclineOrWithdrawal(normalizedText);

    // "same as Charlene", "same as Tom's", "跟小王一样", "和楼上一样", "同上".
    [GeneratedRegex(@"^\W*(same as|ditto|(跟|和|同)(?=\S{1,8}一样))\s*(?<name>[^,，。!?？]{0,24})|^\W*(同上|楼上同|same here as)(?<up>)", RegexOptions.CultureInvariant)]
    private static partial Regex SameAs();

    /// <summary>
    /// The message whose order this one copies: "same as Charlene, 1 yellowtail" (the last earlier message of the member
    /// named), "同上" / "跟楼上一样" (the message just before). Null when it copies nobody in the window.
    /// </summary>
    public static long? CopiedFrom(string normalizedText, IReadOnlyList<ChatMessage> window, int position)
    {
        var match = SameAs().Match(normalizedText);
        if (!match.Success) return null;
        if (match.Groups["up"].Success || match.Groups["name"].Value.StartsWith("楼上", StringComparison.Ordinal)) return position > 0 ? window[position - 1].Id : null;
        var named = match.Groups["name"].Value;
        for (var i = position - 1; i >= 0; i--)
        {
            var name = ChatTextNormalizer.Normalize(window[i].FromName).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (name is { Length: >= 2 } && window[i].FromId != window[position].FromId && named.StartsWith(name, StringComparison.Ordinal)) return window[i].Id;
        }

        return null;
    }

    // "老李,我也换", "Vivian 帮我加个波波", "@Mei Lin keen": a name first, then a comma, a colon or a space.
    [GeneratedRegex(@"^\W*@?(?<name>[^\s,，:：!！?？.]{2,12})(\s*[,，:：]|\s)", RegexOptions.CultureInvariant)]
    private static partial Regex NameFirst();

    /// <summary>
    /// The member a message opens by addressing ("老李,我也换,三个卧室加阳台" to "15栋 老李"): the latest earlier writer in the
    /// window whose display name, or a word of it, is the name the message starts with; null when it names nobody there.
    /// </summary>
    public static long? AddressedTo(string normalizedText, IReadOnlyList<ChatMessage> window, int position)
    {
        var match = NameFirst().Match(normalizedText);
        if (!match.Success) return null;
        var named = match.Groups["name"].Value;
        for (var i = position - 1; i >= 0; i--)
        {
            if (window[i].FromId == window[position].FromId) continue;
            var name = ChatTextNormalizer.Normalize(window[i].FromName);
            if (name == named || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word.Length >= 2 && word == named)) return window[i].FromId;
        }

        return null;
    }

    private static int IndexOf(IReadOnlyList<ChatMessage> window, long id, int before)
    {
        for (var i = before - 1; i >= 0; i--)
        {
            if (window[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
