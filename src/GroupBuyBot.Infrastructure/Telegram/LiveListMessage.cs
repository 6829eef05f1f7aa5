using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>A buy's live list message: posted once (the announcement), then edited to show the current state.</summary>
public sealed class LiveListMessage(IGroupBuyStore buys, IChatStore chats, TelegramSender sender)
{
    /// <summary>Posts the announcement of an open buy. Null when Telegram refused it for good (or the buy is gone).</summary>
    public async Task<Message?> Post(long buyId, CancellationToken ct)
    {
        if (await buys.Find(buyId, ct) is not { } buy) return null;
        var chat = await chats.Get(buy.ChatId, ct);
        return await sender.SendText(buy.ChatId, buy.ThreadId, GroupBuyListText.Render(buy, chat), Markup(buy, chat), ct: ct);
    }

    /// <summary>Posts a shared buy's list in another of its groups, as that group sees it.</summary>
    public async Task<Message?> PostIn(long buyId, long chatId, CancellationToken ct)
    {
        if (await buys.Find(buyId, ct) is not { } buy || !buy.IsIn(chatId)) return null;
        var chat = await chats.Get(chatId, ct);
        return await sender.SendText(chatId, null, GroupBuyListText.Render(buy, chat), Markup(buy, chat), ct: ct);
    }

    /// <summary>
    /// Edits the list to show the buy as it is now (a shared buy's list in each of its groups); false when the buy has
    /// no list (or is gone).
    /// </summary>
    public async Task<bool> Edit(long buyId, CancellationToken ct)
    {
        if (await buys.Find(buyId, ct) is not { AnnouncementMessageId: { } messageId } buy) return false;
        var chat = await chats.Get(buy.ChatId, ct);
        var edited = await sender.EditText(buy.ChatId, messageId, GroupBuyListText.Render(buy, chat), Markup(buy, chat), ct);
        foreach (var group in buy.Groups.Where(g => g is { ListMessageId: not null } && g.ChatId != buy.ChatId))
        {
            var there = await chats.Get(group.ChatId, ct);
            await sender.EditText(group.ChatId, group.ListMessageId!.Value, GroupBuyListText.Render(buy, there), Markup(buy, there), ct);
        }

        return edited;
    }

    private static global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup? Markup(GroupBuy buy, ChatSettings chat) =>
        buy.Status == GroupBuyStatus.Open ? Buttons.Markup(ListButtons.For(buy, chat.Language)) : null;
}
