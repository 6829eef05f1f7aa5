using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// What a no names: "count me out for the relay", "pull out of the raw food", "just got a headlamp", "书法我们先不报了",
/// "已经买了空气炸锅", and the thing put first ("车厘子我自己在超市买了,就不团了"). A no that names a thing is about that thing; only a bare no ("算了我不要了", "we're out, sorry")
/// may be taken as leaving the one need the member is in.
/// </summary>
public static partial class NeedCues
{
    // "不拼了", "不团了", "不换了": the verb of the buy, no longer. Shared by the no and by what it names.
    private const string NoLongerVerb = "不(要|报|去|买|凑|跟|拼|换|团|订|约|洗|装|学|上)了";

    // "count me out for the relay", "pull out of the raw food", "书法我们先不报了", "compost不要了".
    [GeneratedRegex(
        $@"{B}(out (of|for|on)|pass on|skip|cancel|drop out of|pull out of|no longer (need|want)) (the |my |our |a |an |this |that )?(?<thing>[a-z][a-z' -]{{2,40}})"
        + @"|(?<![^\s,，。!?？;:])(?!我|你|他|她|这|那)(?<thing>[^\s,，。!?？;:]{2,8}?)(我们|我家|我)?(就|先|也|今年|这次|还是)*(不参加了|" + NoLongerVerb + ")"
        + @"|^\W*(?!我|你|他|她|这|那|不好意思|抱歉|对不起|其实|哎|唉|嗯|好吧|好的|算了|今天|这次|最近|现在)(?<thing>[^\s,，。!?？;:]{2,6}?)(我们|我家|我)(自己)?[^,，。!?？]{0,12}(买了|有了|订了|约了|报了|点了|下单了|叫了|拍了)[,，\s]*(就|先|也)?(不参加了|" + NoLongerVerb + ")",
        Options)]
    private static partial Regex WithdrawnObject { get; }

    // "just got a Petzl headlamp", "已经买了空气炸锅": what the member has already, when they withdraw from nothing.
    [GeneratedRegex(
        $@"{B}(just|already) (got|bought|had|have|booked|ordered|did) (a |an |the |some |my |our |one )?(?<thing>[a-z][a-z' -]{{2,40}})"
        + @"|(已经|刚)(买|订|约|换|装|洗|报)(了|过)?(?<thing>[^\s,，。!?？;:了过的]{2,8})",
        Options)]
    private static partial Regex AlreadyHadObject { get; }

    // "三盆", "two", "2个": how many, not what.
    [GeneratedRegex(
        $@"^([0-9]+|[一二两三四五六七八九十几半]+|{B}(one|two|three|four|five|some|a few|a couple)){B}?\s*[^\s0-9]?\s*$",
        Options)]
    private static partial Regex CountOnly { get; }

    /// <summary>
    /// The thing a decline names ("the relay", "书法"), or null for a bare no. What the member already has counts only
    /// when they withdraw from nothing else: "她已经约了宠物店,我们这次不参加了" is a bare no with its reason.
    /// </summary>
    public static string? DeclinedThing(string normalizedText)
    {
        var withdrawn = WithdrawnObject.Match(normalizedText);
        if (withdrawn.Success && !DeclineOrWithdraw.IsMatch(withdrawn.Groups["thing"].Value)) return withdrawn.Groups["thing"].Value.Trim(); // not "算了" in "算了我不要了"
        if (DeclineOrWithdraw.IsMatch(normalizedText)) return null;
        var had = AlreadyHadObject.Match(normalizedText);
        if (!had.Success) return null;
        var thing = had.Groups["thing"].Value.Trim();

        // "市集有人卖玉露一盆才50,我已经买了三盆": a count alone names nothing; the clause before names what was bought.
        return CountOnly.IsMatch(thing) && normalizedText[..had.Index].TrimEnd(' ', ',', '，', '.', '!', '~') is var before && ContentGrams.Of(before).Count > 0
            ? before
            : thing;
    }

    /// <summary>
    /// The decline names a thing none of <paramref name="grams"/> (a need's summary or thread) names: "just got a Petzl
    /// headlamp" is no withdrawal from the singlets order.
    /// </summary>
    public static bool DeclinesSomethingElse(string normalizedText, IReadOnlySet<string> grams) =>
        DeclinedThing(normalizedText) is { } thing && ContentGrams.Of(thing) is { Count: > 0 } named && !named.Overlaps(grams);
}
