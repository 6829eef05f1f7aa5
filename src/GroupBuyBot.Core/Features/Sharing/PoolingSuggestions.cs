using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Sharing;

/// <summary>
/// Discovery across linked groups: when two linked groups' need boards hold the same need (their summaries name the
/// same thing), the organizers who linked them are told privately, once per pair of needs, with the combined count.
/// Nothing is posted to either group: the organizers decide whether to open a buy and share it.
/// </summary>
public sealed class PoolingSuggestions(IChatLinkStore links, INeedBoardStore board, IChatStore chats)
{
    /// <returns>How many pairs of needs were suggested.</returns>
    public async Task<int> SuggestDue(CancellationToken ct)
    {
        var suggested = 0;
        foreach (var link in await links.ListAllLinked(ct))
        {
            var theirs = await board.ChangeChat(link.OtherChatId, needs => needs.Where(IsLive).Select(n => (n.Id, n.Summary, Members: n.Members.Count)).ToList(), ct);
            if (theirs.Count == 0) continue;
            var chat = await chats.Get(link.ChatId, ct);
            var made = await board.ChangeChatAndSay(chat, needs =>
            {
                var pairs = new List<(BoardNeed Ours, (long Id, string Summary, int Members) Theirs)>();
                foreach (var ours in needs.Where(IsLive))
                {
                    foreach (var other in theirs.Where(t => !ours.PooledWith.Contains(t.Id) && NeedBoard.SameThing(ours.Summary, t.Summary)))
                    {
                        ours.PooledWith = [.. ours.PooledWith, other.Id];
                        pairs.Add((ours, other));
                    }
                }

                return pairs;
            }, pairs => pairs.Select(pair => Suggestion(chat, link, pair.Ours, pair.Theirs.Summary, pair.Theirs.Members)), ct);
            suggested += made.Count;
        }

        return suggested;
    }

    private static bool IsLive(BoardNeed need) => need.Status is BoardNeedStatus.Gathering or BoardNeedStatus.Suggested && need.Members.Count > 0;

    /// <summary>One private message to each of the two organizers who linked the groups, in this group's language.</summary>
    private static Outcome Suggestion(ChatSettings chat, ChatLink link, BoardNeed ours, string theirSummary, int theirMembers)
    {
        var text = Localization.Texts.Get(chat.Language, "PoolSuggestion",
            Html.Escape(link.Title), ours.Members.Count, Html.Escape(ours.Summary),
            Html.Escape(link.OtherTitle), theirMembers, Html.Escape(theirSummary),
            ours.Members.Count + theirMembers);
        var organizers = new[] { link.ByUserId, link.OtherByUserId }.Distinct()
            .Select(userId => new PrivateMessage(userId, ClosingSummary.Mention(new Member(userId, "?")), text)).ToList();
        return new Outcome { Privately = new PrivateRound(link.ChatId, null, organizers, UnreachedNotice.Silent) };
    }
}
