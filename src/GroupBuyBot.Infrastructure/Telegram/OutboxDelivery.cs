using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
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

    /// <summary>A file went out; the chat's follow-up message (<see cref="Delivery.FollowUp"/>) is still owed.</summary>
    FollowUp,
}

/// <param name="MessageId">The message Telegram created, for rows whose id is remembered (announcements, questions).</param>
public readonly record struct Delivery(DeliveryResult Result, int? MessageId = null, string? FollowUp = null);

/// <summary>
/// Translates one outbox row into Telegram calls. Throws when Telegram could not be reached: the row is tried
/// again later, in its chat's order.
/// </summary>
public sealed class OutboxDelivery(TelegramSender sender, LiveListMessage list, ClosingNotifier closing, IGroupBuyStore buys, IChatStore chats)
{
    public async Task<Delivery> Deliver(OutboxMessage row, CancellationToken ct)
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
            case OutboxKind.ListEdit:
                await list.Edit(row.BuyId!.Value, ct);
                return new Delivery(DeliveryResult.Sent);
            case OutboxKind.Edit:
                await sender.EditText(row.ChatId, row.MessageId!.Value, row.Html ?? "", null, ct);
                return new Delivery(DeliveryResult.Sent);
            case OutboxKind.Document:
                // The file goes privately; the chat hears whether it arrived.
                var sent = await sender.SendDocument(row.UserId!.Value, row.FileName ?? "export.csv", row.Content ?? [], row.Caption, ct);
                return new Delivery(DeliveryResult.FollowUp, FollowUp: sent is not null ? row.Html : row.Fallback);
            case OutboxKind.BuyEnded:
                await NotifyEnded(row, ct);
                return new Delivery(DeliveryResult.Sent);
            default:
                return new Delivery(DeliveryResult.Refused);
        }
    }

    private async Task NotifyEnded(OutboxMessage row, CancellationToken ct)
    {
        var buy = await buys.Find(row.BuyId!.Value, ct);
        if (buy is not { Status: GroupBuyStatus.Formed or GroupBuyStatus.Failed or GroupBuyStatus.Cancelled }) return; // gone, or moved on (delivered)
        var context = await DeadlineCloser.SystemContext(chats, buy, ct);

        // The summary goes out after the private confirmations, so it can mention whoever they missed.
        await closing.Notify(context, buy, row.Html ?? ClosingHandler.EndedText(context, buy), row.ReplyTo, ct);
    }

    private static Delivery Of(global::Telegram.Bot.Types.Message? message) =>
        message is null ? new Delivery(DeliveryResult.Refused) : new Delivery(DeliveryResult.Sent, message.MessageId);
}
