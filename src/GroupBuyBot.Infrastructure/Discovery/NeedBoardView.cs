using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// The chat's need board as the playground shows it: the stored needs (summary, members, message ids, status), with
/// the evidence messages' texts while the discovery worker still holds them in memory. The board itself keeps ids
/// only, so an older need shows its message ids with no text.
/// </summary>
public sealed class NeedBoardView(IDbContextFactory<BotDbContext> contexts, ConversationWindows windows) : INeedBoardView
{
    public bool IsAvailable => true;

    public async Task<IReadOnlyList<NeedBoardEntry>> GetNeedsAsync(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var needs = await db.BoardNeeds.AsNoTracking().Where(n => n.ChatId == chatId).ToListAsync(ct);
        return [.. needs.OrderByDescending(n => n.LastActiveAt).ThenByDescending(n => n.Id).Select(n => Entry(chatId, n))];
    }

    private NeedBoardEntry Entry(long chatId, BoardNeed need)
    {
        var said = need.Members.SelectMany(m => m.MessageIds.Select(id => (MessageId: id, m.UserId))).OrderBy(e => e.MessageId).ToList();
        var texts = windows.Recall(chatId, said.Select(e => e.MessageId)).ToDictionary(m => m.Id, m => m.Text);
        return new NeedBoardEntry(
            need.Summary,
            [.. need.Members.Select(m => new NeedBoardMember(m.UserId, m.DisplayName))],
            [.. said.Select(e => new NeedBoardEvidence(e.MessageId, e.UserId, texts.GetValueOrDefault(e.MessageId, "")))],
            Status(need.Status),
            need.FirstSeenAt);
    }

    private static NeedBoardStatus Status(BoardNeedStatus status) => status switch
    {
        BoardNeedStatus.Gathering => NeedBoardStatus.Noticed,
        BoardNeedStatus.Suggested => NeedBoardStatus.Suggested,
        BoardNeedStatus.Started => NeedBoardStatus.BuyOpened,
        _ => NeedBoardStatus.Dismissed, // "Not now" and "Never for this"
    };
}
