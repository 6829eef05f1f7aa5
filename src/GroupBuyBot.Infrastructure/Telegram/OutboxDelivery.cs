using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Pipeline;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>What became of one outbox row.</summary>
public enum DeliveryResult
{
    /// <summary>Telegram accepted it (or there was nothing left to do): the row is done.</summary>
    Sent,

    /// <summary>Telegram refused it for good (bad request, bot removed or blocked): the row is done.</summary>
    Refused,

    /// <summary>
    /// Part of it went out; the row becomes <see cref="Delivery.Next"/>, in the same place of its chat's order (a file's
    /// follow-up message, a buy's end turned into its messages, the notice after private messages).
    /// </summary>
    Continues,
}

/// <param name="MessageId">The message Telegram created, for rows whose id is remembered (announcements, questions).</param>
/// <param name="Next">For <see cref="DeliveryResult.Continues"/>: what the row owes now (kind, text, buttons, payload).</param>
/// <param name="Also">Rows to add at the end of the outbox, with the row's change.</param>
public readonly record struct Delivery(DeliveryResult Result, int? MessageId = null, OutboxMessage? Next = null, IReadOnlyList<OutboxMessage>? Also = null)
{
    public static Delivery Then(OutboxMessage next, IReadOnlyList<OutboxMessage>? also = null) => new(DeliveryResult.Continues, Next: next, Also: also);

    /// <summary>The row now owes its chat a plain message (or nothing, when <paramref name="html"/> is null).</summary>
    public static Delivery ThenSay(string? html, string? buttons = null, int? replyTo = null) => html is null
        ? new Delivery(DeliveryResult.Sent)
        : Then(new OutboxMessage { Kind = OutboxKind.Text, Html = html, Buttons = buttons, ReplyTo = replyTo });
}

/// <summary>
/// Translates one outbox row into Telegram calls. Throws when Telegram could not be reached: the row is tried
/// again later, in its chat's order (a round of private messages from the first one not yet handled).
/// </summary>
public sealed class OutboxDelivery(TelegramSender sender, LiveListMessage list, QuoteBoardMessage quoteBoard, SupplierOrderDelivery orders,
    IGroupBuyStore buys, IChatStore chats)
{
    /// <param name="saveProgress">Stores the row's <see cref="OutboxMessage.Progress"/> and <see cref="OutboxMessage.Refused"/>.</param>
    public async Task<Delivery> Deliver(OutboxMessage row, Func<OutboxMessage, Task> saveProgress, CancellationToken ct)
    {
        switch (row.Kind)
        {
            case OutboxKind.Text:
                return Of(await sender.SendText(row.ChatId, row.ThreadId, row.Html ?? "", Buttons.Markup(OutboxWriter.Deserialize(row.Buttons)), row.ReplyTo, ct));
            case OutboxKind.Question:
                // ForceReply opens the reply box for the organizer; their reply to this question fills the field.
                return Of(await sender.SendText(row.ChatId, row.ThreadId, row.Html ?? "", new ForceReplyMarkup { Selective = true }, row.ReplyTo, ct));
            case OutboxKind.Announce:
                return Of(await list.Post(row.BuyId!.Value, ct));
            case OutboxKind.SharedList:
                return await SharedList(row, ct);
            case OutboxKind.ListEdit:
                await list.Edit(row.BuyId!.Value, ct);
                return new Delivery(DeliveryResult.Sent);
            case OutboxKind.Edit:
                await sender.EditText(row.ChatId, row.MessageId!.Value, row.Html ?? "", Buttons.Markup(OutboxWriter.Deserialize(row.Buttons)), ct);
                return new Delivery(DeliveryResult.Sent);
            case OutboxKind.Document:
                // The file goes privately; the chat hears whether it arrived.
                var sent = await sender.SendDocument(row.UserId!.Value, row.FileName ?? "export.csv", row.Content ?? [], row.Caption, ct);
                return Delivery.ThenSay(sent is not null ? row.Html : row.Fallback, replyTo: row.ReplyTo);
            case OutboxKind.BuyEnded:
                return await Ended(row, ct);
            case OutboxKind.Privately:
                return await Privately(row, saveProgress, ct);
            case OutboxKind.SupplierOrder or OutboxKind.OrderRetry:
                return Delivery.ThenSay(await orders.Deliver(row.BuyId!.Value, retry: row.Kind == OutboxKind.OrderRetry, ct));
            case OutboxKind.Reaction:
                return new Delivery(await sender.SetReaction(row.ChatId, row.MessageId!.Value, row.Html, ct) ? DeliveryResult.Sent : DeliveryResult.Refused);
            case OutboxKind.QuoteRequest:
                await quoteBoard.Request(row.BuyId!.Value, row.UserId!.Value, row.Html ?? "", row.Buttons, ct);
                return new Delivery(DeliveryResult.Sent);
            case OutboxKind.QuoteBoard:
                return new Delivery(await quoteBoard.Post(row.BuyId!.Value, row.ReplyTo, ct) ? DeliveryResult.Sent : DeliveryResult.Refused);
            case OutboxKind.StarRefund:
                return await StarRefund(row, ct);
            case OutboxKind.QuoteBoardEdit:
                await quoteBoard.Edit(row.BuyId!.Value, ct);
                return new Delivery(DeliveryResult.Sent);
            default:
                return new Delivery(DeliveryResult.Refused);
        }
    }

    /// <summary>
    /// A buy's end becomes what it says: the private confirmations then the summary (in the row's place), the final
    /// list, and the supplier's order.
    /// </summary>
    private async Task<Delivery> Ended(OutboxMessage row, CancellationToken ct)
    {
        var buy = await buys.Find(row.BuyId!.Value, ct);
        if (buy is not { Status: GroupBuyStatus.Formed or GroupBuyStatus.Failed or GroupBuyStatus.Cancelled }) return new Delivery(DeliveryResult.Sent); // gone, or moved on (delivered)
        var context = await DeadlineCloser.SystemContext(chats, buy, ct);
        var round = ClosingSummary.Round(context, buy, row.Html ?? ClosingHandler.EndedText(context, buy), row.ReplyTo);
        var also = new List<OutboxMessage> { new() { Kind = OutboxKind.ListEdit, ChatId = buy.ChatId, BuyId = buy.Id } };
        // The other groups of a shared buy have rounds of their own: their members' confirmations, then their summary
        // naming whom of them it could not reach.
        foreach (var group in buy.Groups.Where(g => g.ChatId != buy.ChatId))
        {
            var there = context with { Chat = await chats.Get(group.ChatId, ct) };
            var theirs = ClosingSummary.Round(there, buy, ClosingHandler.EndedText(there, buy), group.ListMessageId);
            also.Add(new OutboxMessage { Kind = OutboxKind.Privately, ChatId = group.ChatId, Payload = PrivateRounds.Serialize(theirs) });
        }

        // Stars paid for a buy that did not happen (or by members who left it) go back by themselves.
        if (buy.Currency == InvoiceSettings.Stars)
        {
            also.AddRange(buy.Payments.Where(p => p is { Status: PaymentStatus.RefundDue, ChargeId: not null }).Select(p => new OutboxMessage
            {
                Kind = OutboxKind.StarRefund, ChatId = buy.ChatId, ThreadId = buy.ThreadId, BuyId = buy.Id, UserId = p.UserId, Payload = p.ChargeId,
            }));
        }

        if (buy is { Status: GroupBuyStatus.Formed, SupplierId: not null })
        {
            also.Add(new OutboxMessage { Kind = OutboxKind.SupplierOrder, ChatId = buy.ChatId, ThreadId = buy.ThreadId, BuyId = buy.Id });
        }

        return Delivery.Then(new OutboxMessage { Kind = OutboxKind.Privately, Payload = PrivateRounds.Serialize(round) }, also);
    }

    /// <summary>
    /// Posts a shared buy's list in another group and remembers it there. A crash between the two posts it again (the
    /// outbox's one repeat per crash); the second one is the list that is edited.
    /// </summary>
    private async Task<Delivery> SharedList(OutboxMessage row, CancellationToken ct)
    {
        if (await list.PostIn(row.BuyId!.Value, row.ChatId, ct) is not { } posted) return new Delivery(DeliveryResult.Refused);
        await buys.Change(row.BuyId.Value, null, buy =>
        {
            buy.ListPostedIn(row.ChatId, posted.MessageId);
            return true;
        }, ct);
        return new Delivery(DeliveryResult.Sent);
    }

    /// <summary>Each message on its own, counted as it goes (a retry never repeats one that went out), then the notice.</summary>
    private async Task<Delivery> Privately(OutboxMessage row, Func<OutboxMessage, Task> saveProgress, CancellationToken ct)
    {
        var round = PrivateRounds.Deserialize(row.Payload);
        var refused = PrivateRounds.ParseRefused(row.Refused);
        for (var i = row.Progress; i < round.Messages.Count; i++)
        {
            var message = round.Messages[i];
            var dm = message.Invoice is { } invoice
                ? await sender.SendInvoice(message.UserId, invoice, message.Text, ct)
                : await sender.SendDirect(message.UserId, message.Text, Buttons.Markup(message.Buttons), ct);
            if (!dm.Sent) refused.Add(i);
            row.Progress = i + 1;
            row.Refused = PrivateRounds.FormatRefused(refused);
            await saveProgress(row);
        }

        var notice = round.After;
        return Delivery.ThenSay(notice.Text([.. refused.Select(i => round.Messages[i].Mention)]), OutboxWriter.Serialize(notice.Buttons), notice.ReplyTo);
    }

    /// <summary>Gives the Stars back (a refund Telegram already made counts as done), records it, and tells the member.</summary>
    private async Task<Delivery> StarRefund(OutboxMessage row, CancellationToken ct)
    {
        var chargeId = row.Payload ?? "";
        if (!await sender.RefundStarPayment(row.UserId!.Value, chargeId, ct)) return new Delivery(DeliveryResult.Refused);
        var change = await buys.Change(row.BuyId!.Value, null, buy =>
        {
            var payment = buy.Payments.FirstOrDefault(p => p.ChargeId == chargeId);
            buy.Refunded(chargeId);
            return (Buy: buy, Payment: payment);
        }, ct);
        if (change.Value is { Payment: { } refunded, Buy: var gave })
        {
            var chat = await chats.Get(gave.ChatId, ct);
            await sender.SendDirect(refunded.UserId, Texts.Get(chat.Language, "StarsRefunded", PaymentInvoices.Shown(refunded.Amount, gave.Currency), gave.Number, Core.Features.Html.Escape(gave.Title)), ct: ct);
        }

        return new Delivery(DeliveryResult.Sent);
    }

    private static Delivery Of(global::Telegram.Bot.Types.Message? message) =>
        message is null ? new Delivery(DeliveryResult.Refused) : new Delivery(DeliveryResult.Sent, message.MessageId);
}
