using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Replies that sound like a decision but make none: a withdrawal that hangs on an answer not yet given, an order said in
/// irony, a remark on how much an amount is. Families of phrasings, not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Passing only if a condition fails: "if not, I'll pass", "otherwise count me out", "if it's over $20 I'll skip", "没有的话就算了",
    /// "不然我就不参加了". Nothing is withdrawn yet; the learned intent does not overrule it.
    /// </summary>
    [GeneratedRegex(B + @"(if not|if no|otherwise|or else|if (it'?s|they'?re|that'?s|there'?s)\s+[^.!?,]{1,24}?)[,\s]+(then\s+)?((i|we)'?ll|(i|we) will|(i|we)'?d)\s+(pass|skip|sit (this|it) out|give (it|this) a miss|be out|drop out)" + B
        + "|" + B + @"(if not|otherwise|or else)[,\s]+(count|leave|take) (me|us) out" + B
        + @"|(没有|不行|不然|否则|要不然|不是)(的话)?[,，\s]*(我|我们)?\s*(就)?\s*(算了|不要了|不参加了?|不报了?|不跟了?|pass)", Options)]
    public static partial Regex ConditionalDecline();

    /// <summary>
    /// An order said in irony: "like I'd ever pay that much", "as if we'd need ten of those", "yeah right, like I'd sign up for that". What
    /// it seems to ask for is what it turns down; the learned intent does not overrule it.
    /// </summary>
    [GeneratedRegex(@"(^|[,.!;:，。！]\s*)((yeah|yea|ya),?\s*right\W*)?(like|as if)\s+(i|we)('d|'ll| would| will)\s+(ever\s+|really\s+|actually\s+|seriously\s+)?(pay|buy|spend|need|want|join|order|take|get|sign|fork)" + B, Options)]
    public static partial Regex Irony();

    /// <summary>
    /// A remark on how much an amount is: "3 boxes is a lot lol", "10 packs sounds crazy", "two kilos seems overkill", "两箱也太多了".
    /// The count is what is talked about, not ordered; where the rules read nothing, the learned intent does not make it an order.
    /// </summary>
    [GeneratedRegex(B + @"(is|are|'s|seems?|sounds?|looks?)\s+(so\s+|really\s+|kinda\s+|pretty\s+|way\s+|just\s+)?(insane|crazy|nuts|mad|wild|a lot|too much|too many|huge|massive|ridiculous|excessive|overkill)" + B
        + @"|(也|真|实在)?太多了?吧?[!！?？]*$", Options)]
    public static partial Regex AmountRemark();
}
