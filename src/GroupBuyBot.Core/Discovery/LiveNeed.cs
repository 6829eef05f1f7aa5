using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Discovery.Board;

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

    /// <summary>
    /// Messages of the need's thread from before the window, not its evidence: the replies (ids only) between one of the
    /// window's messages and the need's own, so a reply to the organiser's answer hours later still reaches the need.
    /// </summary>
    public IReadOnlyList<long> Thread { get; init; } = [];

    /// <summary>
    /// A want nobody had joined when its window was read (<see cref="RaisedBy"/>): not on the board, kept in memory with
    /// its owner, its message id and its summary only, so a join hours later, its text gone, still finds it. Its
    /// <see cref="Id"/> is the message's, negated (never a board need's).
    /// </summary>
    public bool Raised { get; init; }

    /// <summary>The want <paramref name="owner"/> raised in message <paramref name="messageId"/>, which nobody joined yet.</summary>
    public static LiveNeed RaisedBy(long owner, long messageId, string summary) => new(-messageId, summary, [owner], [messageId]) { Raised = true };

    /// <summary>
    /// <paramref name="live"/> with each need's <see cref="Thread"/>: for a message of <paramref name="window"/> that
    /// replies to one before it, the chain of messages it answered (<paramref name="repliedChain"/>, nearest first) up
    /// to the first that is a live need's own; those between belong to that need. A chain that reaches none of them
    /// but starts where one need's thread starts (the question that raised it, before anyone joined) belongs to that
    /// need, when no other need starts there.
    /// </summary>
    public static IReadOnlyList<LiveNeed> Threaded(IReadOnlyList<LiveNeed> live, IReadOnlyList<ChatMessage> window, Func<long, int, IReadOnlyList<long>> repliedChain)
    {
        const int MaxChain = 50;
        var inWindow = window.Select(m => m.Id).ToHashSet();
        var thread = live.ToDictionary(n => n.Id, n => n.Thread.ToHashSet());
        long RootOf(long id) => repliedChain(id, MaxChain) is { Count: > 0 } chain ? chain[^1] : id;
        var roots = live.SelectMany(n => n.Evidence.Select(e => (Root: RootOf(e), Need: n)))
            .GroupBy(x => x.Root)
            .Where(g => g.Select(x => x.Need.Id).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Need);
        foreach (var message in window)
        {
            if (message.ReplyToId is null) continue;
            var chain = repliedChain(message.Id, MaxChain);
            var reached = false;
            for (var i = 0; i < chain.Count && !reached; i++)
            {
                var owner = live.FirstOrDefault(n => n.Evidence.Contains(chain[i]) || thread[n.Id].Contains(chain[i]));
                if (owner is null) continue;
                thread[owner.Id].UnionWith(chain.Take(i).Where(id => !inWindow.Contains(id)));
                reached = true;
            }

            if (!reached && chain.Count > 0 && roots.TryGetValue(chain[^1], out var rooted))
            {
                thread[rooted.Id].UnionWith(chain.Where(id => !inWindow.Contains(id) && !rooted.Evidence.Contains(id)));
            }
        }

        return [.. live.Select(n => thread[n.Id].SetEquals(n.Thread) ? n : n with { Thread = [.. thread[n.Id].Order()] })];
    }

    /// <summary>
    /// Whether <paramref name="message"/> reaches this need by the board's own record through the replies of
    /// <paramref name="window"/>: it, or a message of the window it answers (however far up), is named by it.
    /// </summary>
    public bool IsReachedBy(ChatMessage message, IReadOnlyList<ChatMessage> window)
    {
        var byId = window.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<long>();
        for (var at = message; ; at = byId[at.ReplyToId!.Value])
        {
            if (message == at ? IsNamedBy(at) : at.ReplyToId is long p && (Evidence.Contains(p) || Thread.Contains(p)) || Evidence.Contains(at.Id)) return true;
            if (at.ReplyToId is not long parent || !byId.ContainsKey(parent) || !seen.Add(parent)) return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="message"/> speaks of this need by the board's own record: it replies to one of its
    /// messages (or of its <see cref="Thread"/>), or names its summary's content.
    /// </summary>
    public bool IsNamedBy(ChatMessage message) =>
        message.ReplyToId is long parent && (Evidence.Contains(parent) || Thread.Contains(parent))
        || ContentGrams.Of(ChatTextNormalizer.Normalize(message.Text)).Overlaps(ContentGrams.Of(ChatTextNormalizer.Normalize(Summary)));
}
