using GroupBuyBot.Core.SignUps.Replies;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Telling commitment from agreement: "我家那台也该洗了" or "put us down" commits the speaker to the thing; "我家也是" or
/// a bare "+1" may only agree with a complaint or an errand. The reply-structure rules (<see cref="ReplyStructure"/>)
/// let only commitments turn a message that asked nobody along into a want.
/// </summary>
public static partial class NeedCues
{
    // The same need at the speaker's home, said of their own thing: "我家阳台那扇纱窗也破了", "我家那台也该洗了",
    // "Mine also dripping since last week", "our gutters are overflowing too". Joining, when it answers someone.
    // "我家也是" alone is agreement (with a complaint as often as with a want), not a need.
    [GeneratedRegex(
        $@"我(家|们家|们|屋企|哋)?[^,，。!?？]{{0,10}}也(该|要|需要|想|得|破|坏|脏|堵|漏|塞|快要|收到)|{B}(mine|ours|my [\w']+|our [\w']+)( [\w']+){{0,4}} (also|too){B}|{B}(my|our) [^.?!,]{{0,30}}{B}(too|as well){B}\W*$",
        Options)]
    private static partial Regex SameProblem { get; }

    // Signing up for the thing: "算我一个", "我要一箱", "帮我妈报一个", "put us down", "I'd book", "count me in".
    [GeneratedRegex(
        $@"算(我|上我|上|埋)|(我|我们|我家|我哋)[^,，。!?？]{{0,6}}(要|订|报|来|定|约)|帮[^,，。!?？]{{0,8}}(报|订|留|带|约|买)|给我(来|留)|加我|(也|都)要|"
        + $@"{B}(count|put|sign|book|pencil) (me|us)( \w+)? ?(in|down|up)?{B}|{B}(count|put|sign|book|pencil) (my|our) (?!foot|feet)[\w'-]+( [\w'-]+)? (in|down|up){B}|{B}(i|we)'?d (book|buy|pay|order|join|take|love|like|be in|split|sign)|{B}(i|we)'?ll (take|join|book|order|get|have){B}|{B}(i'?m|we'?re) in{B}|(?<!(do|does|did|would|will|should|shall|must|don'?t|wouldn'?t|won'?t)\s+){B}(i|we) (want|need|take|join){B}|(就|也|早就|一直|正|都)想(洗|修|换|买|约|找|请|做|装|剪|去|学|订|团|报|要)|(如果|要是)[^,，。!?？]{{0,20}}就好了|(也|都)在(找|等)"
        // Added with dev-12: "包车我 in", "我们 in" commit like "I'm in".
        + @"|(我|我们|我家|我哋)\s*in(?![a-z])",
        Options)]
    private static partial Regex Commitment { get; }

    // Added with dev-11: a count ordered with any ordering verb and unit ("整两袋", "我要三筒"), a household's "也 + verb"
    // ("我家阿黄也约"): both commit.
    [GeneratedRegex(OrderedCount + "|" + GivenCount + "|" + HouseholdToo, Options)]
    private static partial Regex CountedOrder { get; }

    /// <summary>
    /// The join commits the speaker to the thing itself, not just agrees: a want or need verb, a sign-up verb, a count,
    /// "my … too" of the speaker's own thing. A bare "+1", "me too" or "我家也是" can agree with a complaint or an
    /// action ("+1 我也去写差评"), so on its own it never makes a message that asked nobody along into a want.
    /// </summary>
    public static bool CommitsToIt(string text)
    {
        var t = ChatTextNormalizer.Normalize(text);
        return OwnWant.IsMatch(t) || SameProblem.IsMatch(t) || Commitment.IsMatch(t) || CountedOrder.IsMatch(t);
    }

    /// <summary>The first clause states the same need ("我家的也该换了,…要不一起买"), not a later one.</summary>
    public static bool OpensWithSameNeed(string normalizedText)
    {
        var t = normalizedText;
        var match = SameProblem.Match(t);
        var firstClauseEnd = t.IndexOfAny([',', '.', '!', '?', ';', '，', '。']);
        return match.Success && (firstClauseEnd < 0 || match.Index < firstClauseEnd);
    }

    /// <summary>Asks who provides something ("有没有靠谱的师傅", "Anybody knows good pest control?"): a new want of its own.</summary>
    public static bool SeeksProvider(string normalizedText) => ProviderSeeking.IsMatch(normalizedText);

    /// <summary>Opens by agreeing: "我也是!", "我家也是", "Same here", "Omg same!".</summary>
    public static bool OpensWithAgreement(string normalizedText) => AgreementLead.IsMatch(normalizedText);

    /// <summary>A question, or a no ("不", "太贵", "not worth"): a count in it is not an order.</summary>
    public static bool IsQuestionOrNegative(string normalizedText) =>
        EndsAsQuestion.IsMatch(normalizedText) || normalizedText.Contains('?', StringComparison.Ordinal)
        || Negation.IsMatch(normalizedText);

    /// <summary>
    /// A question that asks for something now (a provider, a place to buy, a thing), not about the past
    /// ("Did anyone else hear the fox?"): when others join it, the asker raised a want.
    /// </summary>
    public static bool AsksForSomething(string text)
    {
        var t = ChatTextNormalizer.Normalize(text);
        return !PastQuestion.IsMatch(t) && ContentGrams.Of(t).Count >= 2;
    }
}
