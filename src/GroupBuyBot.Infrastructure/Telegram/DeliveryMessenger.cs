using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Ratings;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// <c>/delivered</c> and the ratings that follow: the group is told, each participant who started the bot gets the
/// 1–5 buttons privately, and the others are mentioned under one group message with the same buttons.
/// </summary>
public sealed class DeliveryMessenger(DeliveryHandler delivery, TelegramSender sender, LiveListMessage list)
{
    public async Task<Outcome> InGroup(CommandContext context, string arguments, int replyTo, CancellationToken ct)
    {
        var (done, problem) = await delivery.InGroup(context, arguments, ct);
        if (done is null) return problem!;
        await Announce(done, replyTo, ct);
        return Outcome.Nothing;
    }

    public async Task InPrivate(CommandContext context, string arguments, CancellationToken ct)
    {
        var (done, problem) = await delivery.InPrivate(context, arguments, ct);
        if (done is null)
        {
            if (problem?.Reply is { } reply) await sender.SendText(context.ChatId, null, reply, ct: ct);
            return;
        }

        await sender.SendText(context.ChatId, null, context.Text("DeliveredDone"), ct: ct);
        await Announce(done, null, ct);
    }

    /// <summary>A star button; returns the toast.</summary>
    public Task<string> Rate(CommandContext context, long messageChatId, char stars, long buyId, CancellationToken ct) =>
        delivery.Rate(context.Actor, messageChatId, buyId, stars - '0', ct);

    private async Task Announce(DeliveredBuy done, int? replyTo, CancellationToken ct)
    {
        var (buy, context, supplier) = done;
        var text = context.Text("DeliveredGroup", buy.Number, Html.Escape(buy.Title));
        if (supplier is null)
        {
            await sender.SendText(buy.ChatId, buy.ThreadId, text, replyTo: replyTo, ct: ct);
            await list.Edit(buy.Id, ct);
            return;
        }

        await sender.SendText(buy.ChatId, buy.ThreadId, text + "\n" + context.Text("DeliveredRatePlease", Html.Escape(supplier.Name)), replyTo: replyTo, ct: ct);
        await list.Edit(buy.Id, ct);

        var buttons = Buttons.Markup(DeliveryHandler.RatingButtons(buy.Id));
        var unreached = new List<Member>();
        foreach (var signUp in buy.ActiveSignUps)
        {
            var dm = await sender.SendDirect(signUp.UserId, Texts.Get(context.Language, "RateAsk", buy.Number, Html.Escape(buy.Title), Html.Escape(supplier.Name)), buttons, ct);
            if (!dm.Sent) unreached.Add(signUp.Member);
        }

        if (unreached.Count > 0)
        {
            await sender.SendText(buy.ChatId, buy.ThreadId, context.Text("RateAskGroup",
                string.Join(", ", unreached.Select(ClosingSummary.Mention)), Html.Escape(supplier.Name), buy.Number), buttons, ct: ct);
        }
    }
}
