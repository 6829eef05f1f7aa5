using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// The Telegram side of quotes: the requests go to suppliers privately (a reply to one is the quote), the board
/// in the group is posted once and edited as quotes arrive or one is chosen.
/// </summary>
public sealed class QuoteMessenger(QuoteHandler quotes, IQuoteStore store, TelegramSender sender, Pipeline.OutcomeRecorder recorder, TimeProvider time)
{
    private readonly SemaphoreSlim _boardEdits = new(1, 1);

    /// <summary><c>/quote [#buy]</c> in a group.</summary>
    public async Task<Outcome> Request(CommandContext context, string arguments, int replyTo, CancellationToken ct)
    {
        var (round, problem) = await quotes.Request(context, arguments, ct);
        if (round is null) return problem!;

        var buy = round.Buy;
        foreach (var supplier in round.Suppliers)
        {
            var quote = await store.Find(buy.Id, supplier.Id, ct);
            if (quote is null || !quote.IsOpen || quote.Status == QuoteStatus.Quoted) continue; // already answered
            var sent = await sender.SendDirect(supplier.UserId, QuoteHandler.RequestText(context, buy, supplier),
                Buttons.Markup(QuoteHandler.RequestButtons(context, buy)), ct);
            quote.Status = sent.Sent ? QuoteStatus.Requested : QuoteStatus.Unreachable;
            quote.RequestMessageId = sent.Message?.MessageId ?? quote.RequestMessageId;
            quote.UpdatedAt = time.GetUtcNow();
            await store.Save(quote, ct);
        }

        // A new board each round (the old one may be far up the chat); later answers edit this one.
        if (await quotes.Board(buy.Id, ct) is { } view)
        {
            var board = await sender.SendText(buy.ChatId, context.ThreadId, view.Text, Buttons.Markup(view.Buttons), replyTo, ct);
            if (board is not null) await store.SaveBoard(new QuoteBoard { BuyId = buy.Id, MessageId = board.MessageId }, ct);
        }

        return Outcome.Nothing;
    }

    /// <summary>A private message; false when it is not a quote.</summary>
    public async Task<bool> Reply(CommandContext context, string text, CancellationToken ct)
    {
        var answer = await quotes.Reply(context.Actor, context.ReplyToMessageId, text, ct);
        if (answer is null) return false;
        await sender.SendText(context.ChatId, null, answer.Reply, replyTo: context.ReplyToMessageId, ct: ct);
        if (answer.BoardBuyId is { } buyId) await RefreshBoard(buyId, ct);
        return true;
    }

    /// <summary>A quote button: a supplier's quick answer (private) or an organizer's pick (group). Returns the toast.</summary>
    public async Task<string?> Button(CommandContext context, bool inPrivate, char action, long buyId, long value, CancellationToken ct)
    {
        switch (action)
        {
            case QuoteCallbacks.ChooseAction when !inPrivate:
                var chosen = await quotes.Choose(context, buyId, value, ct);
                await recorder.Record(context, chosen with { Toast = null }, ct);
                await RefreshBoard(buyId, ct);
                return chosen.Toast;
            case QuoteCallbacks.PriceAction or QuoteCallbacks.DeclineAction when inPrivate:
                var answer = await quotes.Button(context.Actor, buyId, action == QuoteCallbacks.PriceAction ? value / 100m : null, ct);
                await sender.SendText(context.ChatId, null, answer.Reply, ct: ct);
                if (answer.BoardBuyId is { } changed) await RefreshBoard(changed, ct);
                return null;
            default:
                return context.Text("CallbackInvalid");
        }
    }

    private async Task RefreshBoard(long buyId, CancellationToken ct)
    {
        // Quotes arrive in different private chats at once: one refresh at a time, so a stale view never lands last.
        await _boardEdits.WaitAsync(ct);
        try
        {
            if (await store.Board(buyId, ct) is not { MessageId: { } messageId } || await quotes.Board(buyId, ct) is not { } view) return;
            await sender.EditText(view.Buy.ChatId, messageId, view.Text, Buttons.Markup(view.Buttons), ct);
        }
        finally
        {
            _boardEdits.Release();
        }
    }
}
