using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Features.Ratings;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Infrastructure.Pipeline;
using BotCommand = GroupBuyBot.Core.Parsing.BotCommand;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>
/// A private chat with the bot: <c>/start sup_…</c> registers a supplier; any <c>/start</c> releases orders that
/// waited for the user to start the bot; a supplier asked for another date, or for a quote, answers here.
/// </summary>
public sealed class PrivateMessages(BotIdentity identity, SupplierHandler suppliers, SupplierOrderHandler supplierOrders,
    QuoteHandler quotes, DeliveryHandler delivery, OutcomeRecorder recorder)
{
    public async Task Handle(CommandContext context, string text, CancellationToken ct)
    {
        // Private answers are not replies: the chat has only the two of them.
        context = context with { MessageId = null };
        var command = BotCommand.Parse(text, identity.Username);
        string? reply = null;
        Outcome? decided = null;
        if (command?.Name == "start" && command.Arguments.StartsWith(SupplierHandler.InvitePrefix, StringComparison.Ordinal))
        {
            reply = await suppliers.Register(context.Actor, context.Language, command.Arguments[SupplierHandler.InvitePrefix.Length..], ct);
        }
        else if (command is null && await supplierOrders.DateProposal(context.Actor, text, ct) is { } proposal)
        {
            await recorder.Record(context, proposal, ct);
        }
        else if (command?.Name == "delivered")
        {
            decided = await delivery.InPrivate(context, command.Arguments, ct);
        }
        else if (command is null && await quotes.Reply(context.Actor, context.ReplyToMessageId, text, ct) is { } quoted)
        {
            decided = quoted; // a supplier's quote
        }
        else
        {
            reply = context.Text(command?.Name == "help" ? "Help" : "PrivateHello");
        }

        // Any /start releases the orders that waited for this user to start the bot, as their supplier.
        var waitingOrders = command?.Name == "start" ? await supplierOrders.WaitingFor(context.Actor.UserId, ct) : [];
        if (reply is not null || waitingOrders.Count > 0) decided = new Outcome { Reply = reply, SupplierOrders = waitingOrders };
        if (decided is not null) await recorder.Record(context, decided, ct);
    }
}
