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
        if (!NeedCues.CommitsToIt(join.Text))
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
