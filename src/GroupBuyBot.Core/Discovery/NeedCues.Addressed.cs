using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Whose interest a message speaks: a message that opens by naming another member urges them ("@小王 你不是也想要吗")
/// unless the speaker then speaks for themselves ("@阿May 带我一个", "@Mei Lin our roof is the same, keen to split");
/// a mock wish marked as irony ("oh I'd LOVE to spend my Friday there 🙃", "对对对我也好想团购加班呢🙄") is nobody's.
/// </summary>
public static partial class NeedCues
{
    // "@小李 …", "@Mei Lin …", not the bot ("@GroupBuyBot 算我一个" is a sign-up that names the bot).
    [GeneratedRegex(@"^@(?!\S*(bot|助手|机器人)(\s|$|[,:]))\S+", Options)]
    private static partial Regex MentionLead { get; }

    // Irony: an upside-down or eye-rolling face beside an overdone wish. "我我我,家里餐椅坐了两年🙃" alone is sincere.
    [GeneratedRegex(@"🙃|🙄", Options)]
    private static partial Regex IronyMarker { get; }

    [GeneratedRegex(
        $@"{B}(love|loving|can'?t wait|so excited|lovely|what fun|just what i need|best (idea|thing) ever){B}|好想|太好了|好开心|对对对|求之不得|迫不及待",
        Options)]
    private static partial Regex OverdoneWish { get; }

    /// <summary>The message urges another member rather than speaking for the speaker.</summary>
    public static bool UrgesAnother(string normalizedText)
    {
        if (UrgingOther.IsMatch(normalizedText))
        {
            return true;
        }

        var mention = MentionLead.Match(normalizedText);
        return mention.Success && !FirstPerson.IsMatch(normalizedText[(mention.Index + mention.Length)..]);
    }

    /// <summary>A wish overdone and marked as irony: the speaker does not want it.</summary>
    public static bool IsIronic(string normalizedText) => IronyMarker.IsMatch(normalizedText) && OverdoneWish.IsMatch(normalizedText);
}
