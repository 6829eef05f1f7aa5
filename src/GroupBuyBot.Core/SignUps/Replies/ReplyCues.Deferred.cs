using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Replies that speak of the buy without taking part in it now (added with dev-11): a decision put off until someone is
/// asked, a delivery already received, another person who will sign up for themselves. Families of phrasings, not seen
/// sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// A decision put off: "问问老公再说", "跟家里商量一下", "等我想想", "回头再决定", "let me check with my wife first", "I'll get back
    /// to you", "will think about it". The reply says nothing yet, whatever it wants; the learned intent does not overrule it.
    /// </summary>
    [GeneratedRegex(@"再说|问问|商量|考虑|想想|再决定|再定|再看看|看看再|回头(再|告诉|跟)|晚点(确认|再|告诉|定)|稍后(确认|告诉)|再确认|" + B + @"(let (you|u) know|will (update|confirm)( (you|u|later|again|soon|tmr|tomorrow|tonight))?|confirm (later|tmr|tomorrow|tonight)|get back to|check with|ask (my|the)|think(ing)? (about|it over)|sleep on it|tbc)" + B, Options)]
    public static partial Regex Deferral();

    /// <summary>
    /// Only a possibility of joining, no count: "I might join", "we may get one if it's cheap", "可能会要", "也许参加", "说不定也报".
    /// Like a decision put off, it says nothing yet; the learned intent does not overrule it.
    /// </summary>
    [GeneratedRegex(B + @"(i|we)\s+(might|may)\s+(\w+\s+)?(join|take|get|grab|want|order|buy|sign|be in|go for|do)" + B
        + @"|(可能|也许|或许|说不定)\s*(会|也|还)?\s*(要|参加|报名?|跟|买|订|入)", Options)]
    public static partial Regex TentativeJoin();

    /// <summary>
    /// What one already has: "Got my 2 boxes, thanks!", "received ours today", "picked up mine", "已经拿到了", "收到了两盒", "取到了我的".
    /// A receipt, not an order ("收到" alone is "noted").
    /// </summary>
    [GeneratedRegex(B + @"(got|received|collected|picked up|have received|just got)\s+(my|our|mine|ours|the (order|delivery|parcel|box(es)?|bags?))" + B
        + @"|(已经?|刚刚?)\s*(收到|拿到|取到|领到|取了|领了|到手)|(收到|拿到|取到|领到)了?\s*(我的|我家的|我们的)|(拿到|取到|领到|到手)了|收到了\s*([0-9]+|[一两二三四五六七八九十]+)\s*[份个盒箱袋瓶包件套斤只罐]|已(取货|提货|领取)", Options)]
    public static partial Regex Received();

    /// <summary>
    /// Bringing another person into the group to sign up themselves: "可以拉她进群吗", "我把我同事拉进来", "能邀请我朋友入群吗", "can I add
    /// my friend to the group?", "I'll invite my sister to the chat".
    /// </summary>
    [GeneratedRegex(@"拉\s*\S{0,6}?\s*(进群|入群|进来)|(邀请|加)\s*\S{0,6}?\s*(进群|入群)|" + B + @"(add|invite|bring|pull)\s+(her|him|them|my \w+|our \w+|\w+)\s+(in)?to\s+(the|this|our)\s+(group|chat)" + B, Options)]
    public static partial Regex InviteToGroup();

    /// <summary>Another person's wish, not one's own: "我朋友也想要", "同事也感兴趣", "my friend wants one too", "my sister is keen".</summary>
    [GeneratedRegex(@"(我|我的|我家)?\s*(朋友|同事|邻居|闺蜜|室友|姐妹|妹妹|姐姐|表姐|表妹|亲戚|同学|老乡)\s*(也|都|还)?\s*(想要|想买|要|感兴趣|有兴趣|想参加|想报)|"
        + B + @"(my|our)\s+(friend|colleague|neighbou?r|sister|brother|cousin|flatmate|roommate|classmate|relative)s?\s+(also\s+)?(wants?|would like|is interested|are interested|is keen|are keen|needs?)" + B, Options)]
    public static partial Regex AnothersWish();
}
