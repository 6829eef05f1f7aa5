using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Sends a formed buy's order to its supplier. The order is stored first; when Telegram answers 403 (the supplier
/// never started the bot, or blocked it) it stays pending, the organizer is told in the group with the link to
/// start the bot, and <see cref="DeliverPending"/> sends it once the supplier presses Start.
/// </summary>
public sealed class SupplierOrderDelivery(ISupplierStore suppliers, IGroupBuyStore buys, IChatStore chats, TelegramSender sender,
    BotIdentity identity, TimeProvider time)
{
    public async Task Deliver(GroupBuy buy, CancellationToken ct)
    {
        if (buy is not { Status: GroupBuyStatus.Formed, SupplierId: { } supplierId }) return;
        var supplier = await suppliers.Find(supplierId, ct);
        if (supplier is null || await suppliers.FindOrder(buy.Id, ct) is not null) return; // sent once per buy

        var order = new SupplierOrder { BuyId = buy.Id, SupplierId = supplier.Id, Status = SupplierOrderStatus.Pending, UpdatedAt = time.GetUtcNow() };
        await suppliers.SaveOrder(order, ct);
        if (await Send(buy, supplier, order, ct)) return;

        var chat = await chats.Get(buy.ChatId, ct);
        var organizer = Core.Features.Deadlines.ClosingSummary.Mention(buy.Organizer);
        var link = $"https://t.me/{identity.Username}?start=orders";
        await sender.SendText(buy.ChatId, buy.ThreadId,
            Texts.Get(chat.Language, "OrderUnreachable", organizer, buy.Number, Html.Escape(supplier.Name), link), ct: ct);
    }

    /// <summary>A user started the bot: any order waiting for them as a supplier goes out now.</summary>
    public async Task DeliverPending(long userId, CancellationToken ct)
    {
        foreach (var order in await suppliers.PendingOrdersOf(userId, ct))
        {
            var buy = await buys.Find(order.BuyId, ct);
            var supplier = await suppliers.Find(order.SupplierId, ct);
            if (buy is null || supplier is null || !await Send(buy, supplier, order, ct)) continue;

            var chat = await chats.Get(buy.ChatId, ct);
            await sender.SendText(buy.ChatId, buy.ThreadId, Texts.Get(chat.Language, "OrderDeliveredLate", buy.Number, Html.Escape(supplier.Name)), ct: ct);
        }
    }

    private async Task<bool> Send(GroupBuy buy, Supplier supplier, SupplierOrder order, CancellationToken ct)
    {
        var chat = await chats.Get(buy.ChatId, ct);
        var sent = await sender.SendDirect(supplier.UserId, SupplierOrderHandler.OrderText(buy, chat, supplier),
            Buttons.Markup(SupplierOrderHandler.OrderButtons(chat.Language, buy.Id)), ct);
        if (!sent.Sent) return false;

        await suppliers.MarkOrderSent(order.BuyId, time.GetUtcNow(), ct);
        return true;
    }
}
