using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// A need on the chat's board, handed to the reader of a later window as a topic it may join: what the board keeps of
/// it (the summary, the members and the ids of their messages, never their text). A need that fades and comes back
/// hours later, its first messages gone from the raw-text retention, is joined again through it: a "+1" replying to
/// one of its messages, or a join naming what its summary names, belongs to it. Found needs that join one carry its
/// <see cref="Id"/> (<see cref="ExtractedNeed.LiveNeedId"/>) and only the members and messages of the new window.
/// </summary>
public sealed record LiveNeed(long Id, string Summary, IReadOnlyList<long> Members, IReadOnlyList<long> Evidence)
{
    /// <summary>
    /// The needs of a board a later window may still join: gathering, suggested or put off, with two members or more.
    /// Started (a buy is open: sign-ups go there) and "Never" needs are not topics.
    /// </summary>
    public static IReadOnlyList<LiveNeed> Of(IEnumerable<BoardNeed> board) =>
    [
        .. board
            .Where(n => n.Status is BoardNeedStatus.Gathering or BoardNeedStatus.Suggested or BoardNeedStatus.NotNow && n.Members.Count >= 2)
            .Select(n => new LiveNeed(n.Id, n.Summary, [.. n.Members.Select(m => m.UserId)], [.. n.EvidenceMessageIds.Distinct().Order()])),
    ];

    /// <summary>Whether <paramref name="message"/> speaks of this need by the board's own record: it replies to one of its messages, or names its summary's content.</summary>
    public bool IsNamedBy(ChatMessage message) =>
        message.ReplyToId is long parent && Evidence.Contains(parent)
        || ContentGrams.Of(ChatTextNormalizer.Normalize(message.Text)).Overlaps(ContentGrams.Of(ChatTextNormalizer.Normalize(Summary)));
}
