using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Export;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Discovery;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using BotCommand = GroupBuyBot.Core.Parsing.BotCommand;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Reads one Telegram update and dispatches it to the use case it asks for.</summary>
public sealed class UpdateHandler(
    BotIdentity identity,
    IChatStore chats,
    IGroupBuyStore buys,
    ChatAdministrators administrators,
    NewBuyHandler newBuy,
    SignUpHandler signUps,
    ClosingHandler closing,
    EditingHandler editing,
    OrganizersHandler organizers,
    LanguageHandler language,
    BuysQuery buysQuery,
    SupplierHandler suppliers,
    SupplierOrderHandler supplierOrders,
    SupplierOrderDelivery orderDelivery,
    QuoteMessenger quotes,
    DeliveryMessenger delivery,
    ExportHandler export,
    OutcomeRecorder recorder,
    ISignUpReplyReader replies,
    DiscoveryHandler discovery,
    NeedSuggestionHandler suggestions,
    DiscoveryInbox inbox,
    TelegramSender sender,
    ILogger<UpdateHandler> logger)
{
    public async Task Handle(Update update, CancellationToken ct)
    {
        switch (update.Type)
        {
            case UpdateType.Message:
                await OnMessage(update.Message!, update.Id, ct);
                break;
            case UpdateType.CallbackQuery:
                await OnCallbackQuery(update.CallbackQuery!, update.Id, ct);
                break;
            case UpdateType.MyChatMember:
                await OnMyChatMember(update.MyChatMember!, update.Id, ct);
                break;
            case UpdateType.ChatMember:
                administrators.Forget(update.ChatMember!.Chat.Id);
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
            administrators.Forget(message.Chat.Id);
            return;
        }

        if (message.From is not { IsBot: false } from || message.Text is not { } text) return;

        var chat = await chats.Get(message.Chat.Id, ct);
        var actor = new Member(from.Id, DisplayName(from), from.Username);
        var context = new CommandContext(chat, message.IsTopicMessage ? message.MessageThreadId : null, actor, updateId, message.ReplyToMessage?.MessageId)
        {
            MessageId = message.MessageId,
        };

        if (message.Chat.Type == ChatType.Private)
        {
            await OnPrivateMessage(context, text, ct);
            return;
        }

        await chats.RememberMember(chat.ChatId, actor, ct);
        if (message.Chat.Title is { } title && title != chat.Title)
        {
            // A group the bot was in before its database (or renamed since): texts naming the chat use the current title.
            chat.Title = title;
            await chats.Save(chat, ct);
        }

        Outcome? outcome;
        try
        {
            outcome = BotCommand.Parse(text, identity.Username) is { } botCommand
                ? await OnCommand(context, botCommand, message, ct)
                : await OnChatText(context, message, text, ct);
        }
        catch (AdministratorsUnknownException e)
        {
            logger.LogWarning("Refused update {UpdateId}: {Reason}", updateId, e.Message);
            outcome = Outcome.Say(context.Text("AdministratorsUnknown"));
        }

        if (outcome is not null) await recorder.Record(context, outcome, ct);
    }

    private Task<Outcome> OnCommand(CommandContext context, BotCommand command, Message message, CancellationToken ct) => command.Name switch
    {
        "start" or "help" => Task.FromResult(Outcome.Say(context.Text("Help"))),
        "newbuy" => newBuy.Start(context, command.Arguments, ct),
        "join" => signUps.Join(context, command.Arguments, ct),
        "set" => signUps.Set(context, command.Arguments, ct),
        "leave" => signUps.Leave(context, command.Arguments, ct),
        "buys" or "list" => buysQuery.Handle(context, ct),
        "close" => closing.Close(context, command.Arguments, ct),
        "cancel" => closing.Cancel(context, command.Arguments, ct),
        "edit" => editing.Edit(context, command.Arguments, ct),
        "extend" => editing.Extend(context, command.Arguments, ct),
        "organizers" or "organizer" => organizers.Handle(context, command.Arguments, RepliedMember(message), ct),
        "lang" or "language" => language.Handle(context, command.Arguments, ct),
        "supplier" or "suppliers" => suppliers.Handle(context, command.Arguments, identity.Username, ct),
        "export" => export.Handle(context, command.Arguments, ct),
        "discovery" => discovery.Toggle(context, command.Arguments, ct),
        "forgetme" => discovery.ForgetMe(context, ct),
        "quote" or "quotes" => quotes.Request(context, command.Arguments, message.MessageId, ct),
        "delivered" => delivery.InGroup(context, command.Arguments, message.MessageId, ct),
        _ => Task.FromResult(Outcome.Say(context.Text("Unknown"))),
    };

    /// <summary>
    /// The private chat: <c>/start sup_…</c> registers a supplier; any <c>/start</c> releases orders that waited for the
    /// user to start the bot; a supplier asked for another date answers here.
    /// </summary>
    private async Task OnPrivateMessage(CommandContext context, string text, CancellationToken ct)
    {
        var command = BotCommand.Parse(text, identity.Username);
        string? reply = null;
        if (command?.Name == "start" && command.Arguments.StartsWith(SupplierHandler.InvitePrefix, StringComparison.Ordinal))
        {
            reply = await suppliers.Register(context.Actor, context.Language, command.Arguments[SupplierHandler.InvitePrefix.Length..], ct);
        }
        else if (command is null && await supplierOrders.DateProposal(context.Actor, text, ct) is { } proposal)
        {
            await recorder.Record(context with { MessageId = null }, proposal, ct);
        }
        else if (command?.Name == "delivered")
        {
            await delivery.InPrivate(context, command.Arguments, ct);
        }
        else if (command is null && await quotes.Reply(context, text, ct))
        {
            // a supplier's quote, answered by QuoteMessenger
        }
        else
        {
            reply = context.Text(command?.Name == "help" ? "Help" : "PrivateHello");
        }

        if (reply is not null) await recorder.Record(context with { MessageId = null }, Outcome.Say(reply), ct);
        if (command?.Name == "start") await orderDelivery.DeliverPending(context.Actor.UserId, ct);
    }

    /// <summary>Supplier buttons: a supplier in the list under <c>/supplier set</c>, an answer under an order, quotes, ratings.</summary>
    private async Task<string?> OnSupplierButton(CallbackQuery query, Message message, long updateId, CancellationToken ct)
    {
        if (!SupplierCallbacks.TryParse(query.Data, out var prefix, out var action, out var first, out var second) || prefix is not ("sp" or "so" or "qt" or "rt")) return null;
        var chat = await chats.Get(message.Chat.Id, ct);
        var actor = new Member(query.From.Id, DisplayName(query.From), query.From.Username);
        var context = new CommandContext(chat, message.IsTopicMessage ? message.MessageThreadId : null, actor, updateId, message.MessageId);
        var inPrivate = message.Chat.Type == ChatType.Private;
        if (prefix == "qt") return await quotes.Button(context, inPrivate, action, first, second, ct) ?? "";
        if (prefix == "rt") return await delivery.Rate(context, message.Chat.Id, action, first, ct);
        var outcome = (prefix, action, message.Chat.Type) switch
        {
            ("sp", 'c', not ChatType.Private) => await suppliers.Choose(context, first, second, ct),
            ("so", _, ChatType.Private) => await supplierOrders.Answer(actor, action, first, ct),
            _ => new Outcome { Toast = context.Text("CallbackInvalid") },
        };
        await recorder.Record(context, outcome with { Toast = null }, ct);
        return outcome.Toast ?? "";
    }

    /// <summary>
    /// Plain chat text: an answer to a draft question, or a natural sign-up reply to a list. Anything else is
    /// ordinary conversation: with discovery on it is queued for the background worker (never awaited here).
    /// </summary>
    private async Task<Outcome?> OnChatText(CommandContext context, Message message, string text, CancellationToken ct)
    {
        var outcome = await AnswerOrSignUp(context, text, ct);
        if (outcome is null && discovery.IsOn(context.Chat))
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc));
            inbox.Post(context.ChatId, new Core.Discovery.ChatMessage(message.MessageId, context.Actor.UserId, context.Actor.DisplayName, at, text, message.ReplyToMessage?.MessageId));
        }

        return outcome;
    }

    /// <summary>Null: not for the bot.</summary>
    private async Task<Outcome?> AnswerOrSignUp(CommandContext context, string text, CancellationToken ct)
    {
        if (context.ReplyToMessageId is not { } repliedTo) return null;
        if (await newBuy.Answer(context, text, ct) is { } answer) return answer;

        var buy = await buys.FindByAnnouncement(context.ChatId, repliedTo, ct);
        if (buy is null) return null;
        var reply = await replies.Read(text, ct);
        return reply.Intent switch
        {
            SignUpIntent.Join => await signUps.Apply(context, buy.Id, SignUpAction.Join, reply.Quantity ?? 1, null, asToast: false, ct),
            SignUpIntent.Set when reply.Quantity is { } quantity => await signUps.Apply(context, buy.Id, SignUpAction.Set, quantity, null, asToast: false, ct),
            SignUpIntent.Leave => await signUps.Apply(context, buy.Id, SignUpAction.Leave, 0, null, asToast: false, ct),
            _ => null, // a question or chit-chat under the list: not a sign-up
        };
    }

    private async Task OnCallbackQuery(CallbackQuery query, long updateId, CancellationToken ct)
    {
        string? toast = null;
        try
        {
            if (query.Message is { } tapped && await OnSupplierButton(query, tapped, updateId, ct) is { } supplierToast)
            {
                toast = supplierToast.Length > 0 ? supplierToast : null;
                return;
            }

            if (query.Message is { } suggestion && SuggestionButtons.TryParse(query.Data, out var choice, out var needId))
            {
                toast = await OnSuggestionChoice(query, suggestion, choice, needId, updateId, ct);
                return;
            }

            if (query.Message is not { } message || !ListButtons.TryParse(query.Data, out var action, out var buyId))
            {
                toast = Texts.Get((await chats.Get(query.Message?.Chat.Id ?? 0, ct)).Language, "CallbackInvalid");
                return;
            }

            var chat = await chats.Get(message.Chat.Id, ct);
            var actor = new Member(query.From.Id, DisplayName(query.From), query.From.Username);
            var context = new CommandContext(chat, message.IsTopicMessage ? message.MessageThreadId : null, actor, updateId, message.MessageId);
            var outcome = await signUps.Apply(context, buyId, action, 1, null, asToast: true, ct);
            toast = outcome.Toast;
            await recorder.Record(context, outcome with { Toast = null }, ct);
        }
        catch (AdministratorsUnknownException e)
        {
            logger.LogWarning("Refused update {UpdateId}: {Reason}", updateId, e.Message);
            toast = Texts.Get((await chats.Get(query.Message?.Chat.Id ?? 0, ct)).Language, "AdministratorsUnknown");
        }
        finally
        {
            // Always answer, even when handling failed: otherwise the member's button keeps spinning.
            await sender.AnswerCallback(query.Id, toast, ct);
        }
    }

    /// <summary>An organizer's tap under a need suggestion: decided once, then the buttons go and the decision shows.</summary>
    private async Task<string?> OnSuggestionChoice(CallbackQuery query, Message suggestion, SuggestionChoice choice, long needId, long updateId, CancellationToken ct)
    {
        var chat = await chats.Get(suggestion.Chat.Id, ct);
        var actor = new Member(query.From.Id, DisplayName(query.From), query.From.Username);
        var context = new CommandContext(chat, suggestion.IsTopicMessage ? suggestion.MessageThreadId : null, actor, updateId, suggestion.MessageId);
        var decision = await suggestions.Decide(context, choice, needId, ct);
        if (decision.Decided is { } decided)
        {
            var edit = new MessageEdit(chat.ChatId, suggestion.MessageId, Html.Escape(suggestion.Text) + "\n\n" + decided);
            await recorder.Record(context, new Outcome { Edit = edit }, ct);
        }

        await recorder.Record(context, decision.Outcome with { Toast = null }, ct);
        return decision.Outcome.Toast;
    }

    private async Task OnMyChatMember(ChatMemberUpdated update, long updateId, CancellationToken ct)
    {
        if (update.Chat.Type == ChatType.Private) return;
        var isMember = update.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator;
        var wasMember = update.OldChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator;
        administrators.Forget(update.Chat.Id);

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

    private static Member? RepliedMember(Message message) =>
        message.ReplyToMessage?.From is { IsBot: false } user ? new Member(user.Id, DisplayName(user), user.Username) : null;

    private static string DisplayName(User user)
    {
        var name = string.IsNullOrWhiteSpace(user.LastName) ? user.FirstName : $"{user.FirstName} {user.LastName}";
        return string.IsNullOrWhiteSpace(name) ? user.Username ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : name.Trim();
    }


}
