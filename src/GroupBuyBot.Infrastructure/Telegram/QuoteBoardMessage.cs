using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// The Telegram side of quotes: requests go to suppliers privately (a reply to one is the quote), and a buy's board
/// in the group is posted once per round and edited as quotes arrive or one is chosen. Sent from outbox rows, which
/// are drained in the group's order, so one edit at a time and always of the state as it is when sent.
/// </summary>
public sealed class QuoteBoardMessage(QuoteHandler quotes, IQuoteStore store, TelegramSender sender, TimeProvider time)
{
    /// <summary>Sends a request; the quote remembers the message (or that the supplier could not be reached).</summary>
    public async Task Request(long buyId, long supplierUserId, string html, string? buttons, CancellationToken ct)
    {
        var sent = await sender.SendDirect(supplierUserId, html, Buttons.Markup(Pipeline.OutboxWriter.Deserialize(buttons)), ct);
        await store.RequestSent(buyId, supplierUserId, sent.Message?.MessageId, time.GetUtcNow(), ct);
    }

    /// <summary>Posts the board and remembers it; false when Telegram refused it for good (or the buy is gone).</summary>
    public async Task<bool> Post(long buyId, int? replyTo, CancellationToken ct)
    {
        if (await quotes.Board(buyId, ct) is not { } view) return false;
        var board = await sender.SendText(view.Buy.ChatId, view.Buy.ThreadId, view.Text, Buttons.Markup(view.Buttons), replyTo, ct);
        if (board is null) return false;
        await store.SaveBoard(new QuoteBoard { BuyId = buyId, MessageId = board.MessageId }, ct);
        return true;
    }

    /// <summary>Edits the board to show the quotes as they are now.</summary>
    public async Task Edit(long buyId, CancellationToken ct)
    {
        if (await store.Board(buyId, ct) is not { MessageId: { } messageId } || await quotes.Board(buyId, ct) is not { } view) return;
        await sender.EditText(view.Buy.ChatId, messageId, view.Text, Buttons.Markup(view.Buttons), ct);
    }
}
