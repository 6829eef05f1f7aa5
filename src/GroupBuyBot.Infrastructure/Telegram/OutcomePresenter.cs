using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Storage;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Turns a use case's <see cref="Outcome"/> into Telegram messages, edits and remembered message ids.</summary>
public sealed class OutcomePresenter(TelegramSender sender, LiveListRefresher lists, IGroupBuyStore buys, NewBuyHandler newBuy, ClosingNotifier closing)
{
    /// <param name="replyTo">The member's message the outcome answers, if any.</param>
    public async Task Present(CommandContext context, Outcome outcome, int? replyTo, CancellationToken ct)
    {
        if (outcome.AskFor is { } draft && outcome.Reply is { } question)
        {
            // ForceReply opens the reply box for the organizer; their reply to this question fills the field.
            var asked = await sender.SendText(context.ChatId, context.ThreadId, question,
                new ForceReplyMarkup { Selective = true }, replyTo, ct);
            if (asked is not null) await newBuy.RememberQuestion(draft.Id, asked.MessageId, ct);
        }
        else if (outcome.Ended is { } ended)
        {
            // The summary goes out after the private confirmations, so it can mention whoever they missed.
            await closing.Notify(context, ended, outcome.Reply, replyTo, ct);
        }
        else if (outcome.Document is { } document)
        {
            // The file goes privately; the chat hears whether it arrived.
            var sent = await sender.SendDocument(document.UserId, document.FileName, document.Content, document.Caption, ct);
            await sender.SendText(context.ChatId, context.ThreadId, sent is not null ? outcome.Reply ?? "" : document.Unreachable, replyTo: replyTo, ct: ct);
        }
        else if (outcome.Reply is { } reply)
        {
            await sender.SendText(context.ChatId, context.ThreadId, reply, Buttons.Markup(outcome.Buttons), replyTo, ct);
        }

        foreach (var notice in outcome.Notices)
        {
            await sender.SendText(notice.ChatId, notice.ThreadId, notice.Text, ct: ct);
        }

        if (outcome.Announce is { } buy)
        {
            var announcement = await sender.SendText(buy.ChatId, buy.ThreadId, GroupBuyListText.Render(buy, context.Chat),
                ListButtons.For(buy.Id, context.Language), ct: ct);
            if (announcement is not null)
            {
                await buys.Change(buy.Id, null, b =>
                {
                    b.SetAnnouncement(announcement.MessageId);
                    return true;
                }, ct);
            }
        }

        if (outcome.Ended is null && outcome.RefreshBuyId is { } buyId)
        {
            lists.Request(buyId);
        }
    }
}
