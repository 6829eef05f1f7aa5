using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Joining said without the usual verbs: a lone "me" volunteered after an exclamation, a count one is put down for
/// without "down", an order carried for another person. Families of phrasings, not seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Joins of these kinds:
    /// a lone "me"/"我" as a whole clause, after nothing or exclamations ("yes, me!", "ooh me", "me me me!", "我我我", "好 我!"),
    /// never asked ("me?", "who, me?") nor after another word ("not me", "remove me");
    /// "put me for 2", "mark us for three", "pencil me in for one" (not a time: "for 2pm");
    /// an order carried for someone else, its count right after the verb ("帮楼下王姐带两盒", "替我妈订一份", "给孩子买两盒"), not a
    /// past one ("帮她带了一份").
    /// </summary>
    [GeneratedRegex(@"(^|[,.!?;~\n]\s*)((yes|yeah|yep|yup|yay|o+h+|oo+|ah+|aw+|wow|omg|ok|okay|sure|hey|hi|haha|hehe|lol|pick|choose|好的?|嗯+|哦+|啊+|哇+|诶|欸)[\s\p{P}\p{S}]+)*(me([\s,!~.]+me)*|我([\s,!~.]*我)*)[\s!~.]*(\p{So}\s*)*(?=$|[,;\n])"
        + "|" + B + @"(put|mark|pencil|write|jot|note|hold|keep)\s+(me|us)\s+(down\s+|in\s+)?for\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)" + B + @"(?!\s*(pm|am|o'clock|:))"
        + @"|(帮|替|给)\s*[^\s,.!?;]{1,8}?\s*(带|捎|订|报|留|拿|要|买|抢|拍)\s*([0-9]+|[一两二三四五六七八九十俩])\s*[份个盒箱袋瓶包件套斤只罐台]", Options)]
    public static partial Regex JoinVolunteered();
}
