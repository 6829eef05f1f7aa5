using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Everything that follows a buy ending, whoever ended it (the deadline job, <c>/close</c>, <c>/cancel</c>): a
/// private confirmation to every participant who started the bot, the group's summary mentioning those who could
/// not be reached, the final list, and the supplier's order. Sent from the buy's <c>BuyEnded</c> outbox row, which the
/// change that ended the buy wrote; the row is deleted once all this is sent.
/// </summary>
public sealed class ClosingNotifier(TelegramSender sender, LiveListMessage list, SupplierOrderDelivery orders)
{
    public async Task Notify(CommandContext context, GroupBuy buy, string? summary, int? replyTo, CancellationToken ct)
    {
        var unreached = new List<Member>();
        foreach (var signUp in buy.ActiveSignUps)
        {
            var dm = await sender.SendDirect(signUp.UserId, ClosingSummary.ForParticipant(context.Chat, buy, signUp), ct: ct);
            if (!dm.Sent) unreached.Add(signUp.Member);
        }

        if (summary is not null)
        {
            var text = unreached.Count == 0 ? summary : summary + "\n\n" + ClosingSummary.Unreached(context.Language, unreached);
            await sender.SendText(buy.ChatId, buy.ThreadId, text, replyTo: replyTo, ct: ct);
        }

        await list.Edit(buy.Id, ct);
        await orders.Deliver(buy, ct);
    }
}
