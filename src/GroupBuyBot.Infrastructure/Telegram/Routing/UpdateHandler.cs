using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>
/// Reads one Telegram update and hands it on by kind: group messages, private messages, button taps, and the
/// chat's own life (the bot added or removed, a group becoming a supergroup, administrators changing).
/// </summary>
public sealed class UpdateHandler(
    BotIdentity identity,
    IChatStore chats,
    IGroupBuyStore buys,
    ChatAdministrators administrators,
    GroupMessages groupMessages,
    PrivateMessages privateMessages,
    ButtonTaps buttons,
    OutcomeRecorder recorder,
    TelegramSender sender,
    PaymentsHandler payments,
    ILogger<UpdateHandler> logger)
{
    public async Task Handle(Update update, CancellationToken ct)
    {
        switch (update)
        {
            case { Message: { } message }:
                await OnMessage(message, update.Id, ct);
                break;
            case { CallbackQuery: { } query }:
                await OnButton(query, update.Id, ct);
                break;
            case { PreCheckoutQuery: { } checkout }:
                await sender.AnswerPreCheckout(checkout.Id,
                    await payments.CheckBeforePaying(checkout.From.Id, checkout.InvoicePayload, checkout.Currency, checkout.TotalAmount, ct), ct);
                break;
            case { MyChatMember: { } member }:
                await OnMyChatMember(member, update.Id, ct);
                break;
            case { ChatMember: { } member }:
                await administrators.Forget(member.Chat.Id, ct);
                break;
            default:
                logger.LogDebug("Ignoring update {UpdateId} of type {Type}", update.Id, update.Type);
                break;
        }
    }

    private async Task OnMessage(Message message, long updateId, CancellationToken ct)
    {
        if (message.MigrateToChatId is { } newChatId)
        {
            // The group became a supergroup: everything it had follows it to the new id.
            await buys.MoveChat(message.Chat.Id, newChatId, ct);
            await chats.MoveChat(message.Chat.Id, newChatId, ct);
            await administrators.Forget(message.Chat.Id, ct);
            return;
        }

        if (message is { SuccessfulPayment: { } paid, From.IsBot: false })
        {
            var payer = Requests.ForMessage(await chats.Get(message.Chat.Id, ct), message, updateId);
            await recorder.Record(payer, await payments.Received(payer, paid.InvoicePayload, paid.TelegramPaymentChargeId, paid.ProviderPaymentChargeId, ct), ct);
            return;
        }

        if (message.From is not { IsBot: false } || message.Text is not { } text) return;
        var chat = await chats.Get(message.Chat.Id, ct);
        var context = Requests.ForMessage(chat, message, updateId);
        if (message.Chat.Type == ChatType.Private)
        {
            await privateMessages.Handle(context, text, ct);
            return;
        }

        await chats.RememberMember(chat.ChatId, context.Actor, ct);
        if (message.Chat.Title is { } title && title != chat.Title)
        {
            // A group the bot was in before its database (or renamed since): texts naming the chat use the current title.
            chat.Title = title;
            await chats.Save(chat, ct);
        }

        Outcome? outcome;
        try
        {
            outcome = await groupMessages.Handle(context, message, text, ct);
        }
        catch (AdministratorsUnknownException e)
        {
            logger.LogWarning("Refused update {UpdateId}: {Reason}", updateId, e.Message);
            outcome = Outcome.Say(context.Text("AdministratorsUnknown"));
        }

        if (outcome is not null) await recorder.Record(context, outcome, ct);
    }

    private async Task OnButton(CallbackQuery query, long updateId, CancellationToken ct)
    {
        string? toast = null;
        var stopped = false;
        try
        {
            var chat = await chats.Get(query.Message?.Chat.Id ?? 0, ct);
            if (query.Message is not { } tapped || !CallbackData.TryParse(query.Data, out var data))
            {
                toast = Texts.Get(chat.Language, "CallbackInvalid");
                return;
            }

            try
            {
                toast = await buttons.Handle(Requests.ForTap(chat, query, tapped, updateId), data, tapped, ct);
            }
            catch (AdministratorsUnknownException e)
            {
                logger.LogWarning("Refused update {UpdateId}: {Reason}", updateId, e.Message);
                toast = Texts.Get(chat.Language, "AdministratorsUnknown");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            stopped = true; // cancelled before its change was stored (almost always): it is handled, and answered, after the restart
            throw;
        }
        finally
        {
            // Always answer, even when handling failed: otherwise the member's button keeps spinning. Not with the
            // stopping token: once handled, the tap will not be handled again after a restart, so this is its only answer.
            if (!stopped) await sender.AnswerCallback(query.Id, toast, CancellationToken.None);
        }
    }

    private async Task OnMyChatMember(ChatMemberUpdated update, long updateId, CancellationToken ct)
    {
        if (update.Chat.Type == ChatType.Private) return;
        var isMember = update.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator;
        var wasMember = update.OldChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator;
        await administrators.Forget(update.Chat.Id, ct);

        var chat = await chats.Get(update.Chat.Id, ct);
        chat.Title = update.Chat.Title;
        chat.BotIsMember = isMember;
        await chats.Save(chat, ct);

        if (isMember && !wasMember)
        {
            var bot = new Member(identity.Id, identity.Username, identity.Username);
            await recorder.Record(new CommandContext(chat, null, bot, updateId, null), Outcome.Say(Texts.Get(chat.Language, "Welcome")), ct);
        }
    }
}
