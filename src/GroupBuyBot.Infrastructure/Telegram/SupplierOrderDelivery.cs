using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Sends a formed buy's order to its supplier, from its outbox row. The order is stored first (pending); when Telegram
/// answers 403 (the supplier never started the bot, or blocked it) it stays pending and the group is told, with the
/// link to start the bot; when the supplier presses Start, an <c>OrderRetry</c> row sends it and the group hears it
/// arrived. An order that went out is never sent again.
/// </summary>
public sealed class SupplierOrderDelivery(ISupplierStore suppliers, IGroupBuyStore buys, IChatStore chats, TelegramSender sender,
    BotIdentity identity, TimeProvider time)
{
    /// <param name="retry">The supplier just started the bot (else the buy just formed).</param>
    /// <returns>What the group is to hear, or null. Throws when Telegram could not be reached: the row is tried again.</returns>
    public async Task<string?> Deliver(long buyId, bool retry, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        if (buy is not { SupplierId: { } supplierId } || (!retry && buy.Status != GroupBuyStatus.Formed)) return null;
        var supplier = await suppliers.Find(supplierId, ct);
        var order = await suppliers.FindOrder(buy.Id, ct);
        if (supplier is null || order is { Status: not SupplierOrderStatus.Pending }) return null; // sent once per buy
        if (order is null)
        {
            await suppliers.SaveOrder(new SupplierOrder { BuyId = buy.Id, SupplierId = supplier.Id, Status = SupplierOrderStatus.Pending, UpdatedAt = time.GetUtcNow() }, ct);
        }

        var chat = await chats.Get(buy.ChatId, ct);
        var sent = await sender.SendDirect(supplier.UserId, SupplierOrderHandler.OrderText(buy, chat, supplier),
            Buttons.Markup(SupplierOrderHandler.OrderButtons(chat.Language, buy.Id)), ct);
        if (!sent.Sent) return retry ? null : SupplierOrderHandler.UnreachableText(chat, buy, supplier, identity.Username);

        await suppliers.MarkOrderSent(buy.Id, time.GetUtcNow(), ct);
        return retry ? SupplierOrderHandler.DeliveredLateText(chat, buy, supplier) : null;
    }
}
