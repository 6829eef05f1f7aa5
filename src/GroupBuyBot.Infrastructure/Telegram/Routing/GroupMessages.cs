using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Discovery;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;
using BotCommand = GroupBuyBot.Core.Parsing.BotCommand;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>
/// A member's message in a group: a command (<see cref="GroupCommands"/>), an answer to a draft question, a natural
/// sign-up reply under a live list, or ordinary conversation for need discovery. Returns what to say (null: nothing).
/// </summary>
public sealed class GroupMessages(IServiceProvider services, BotIdentity identity, IGroupBuyStore buys, NewBuyHandler newBuy,
    SignUpHandler signUps, ISignUpReplyReader replies, DiscoveryHandler discovery, DiscoveryInbox inbox, OutboxSender outbox,
    ModelCalls modelCalls, UpdateCompletion completion, OutcomeRecorder recorder, PaymentsHandler payments)
{
    public Task<Outcome?> Handle(CommandContext context, Message message, string text, CancellationToken ct) =>
        BotCommand.Parse(text, identity.Username) is { } command ? OnCommand(context, command, message, ct) : OnChatText(context, message, text, ct);

    private async Task<Outcome?> OnCommand(CommandContext context, BotCommand command, Message message, CancellationToken ct) =>
        GroupCommands.Table.TryGetValue(command.Name, out var run)
            ? await run(services, context, command, message, ct)
            : Outcome.Say(context.Text("Unknown"));

    /// <summary>
    /// Plain chat text: an answer to a draft question, or a natural sign-up reply to a list. Anything else is
    /// ordinary conversation: with discovery on it is queued for the background worker (never awaited here).
    /// </summary>
    private async Task<Outcome?> OnChatText(CommandContext context, Message message, string text, CancellationToken ct)
    {
        var outcome = await AnswerOrSignUp(context, text, ct);
        if (outcome is null && message.ReplyToMessage?.From?.Id == identity.Id)
        {
            // A reply to a bot message sent a moment ago: its id (a question's, a list's) is stored just after
            // Telegram accepted it, maybe only now. Look again once it is.
            await outbox.WaitForMessageIds(context.ChatId, TimeSpan.FromSeconds(3), ct);
            outcome = await AnswerOrSignUp(context, text, ct);
        }

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

        var buy = await buys.FindByListIn(context.ChatId, repliedTo, ct);
        if (buy is null) return null;
        if (buy.OpenPaymentOf(context.Actor.UserId) is not null && PaymentClaimText.IsClaim(text)) return await payments.Claim(context, buy.Id, null, ct);
        var reply = SignUpReplyParser.Parse(text);
        if (reply.IsAmbiguous && replies.AsksModel) return await ReadBeside(context, buy, text, ct);
        return SignUpHandler.RequestOf(reply, text, buy.Options) is { } asked // else a question or chit-chat under the list: not a sign-up
            ? await signUps.Apply(context, buy.Id, asked, asToast: false, ct)
            : null;
    }

    /// <summary>
    /// A reply the local rules find ambiguous, with a model to read it: the member sees 👀 at once, the chat goes on,
    /// and the reading is applied beside the update path (<see cref="ModelCalls"/>) unless the member changed their
    /// sign-up meanwhile. With too many readings waiting, the model reads it here instead.
    /// </summary>
    private async Task<Outcome?> ReadBeside(CommandContext context, Core.GroupBuys.GroupBuy buy, string text, CancellationToken ct)
    {
        var asOf = SignUpHandler.MemberAsOf(buy, context.Actor.UserId);
        async Task<Outcome> ReadAndApply(ISignUpReplyReader reader, SignUpHandler handler, CancellationToken token) => // on this chat's budget
            await handler.ApplyReading(context, buy.Id, await reader.Read(context.ChatId, text, token), text, asOf, token);

        await recorder.RecordWhilePending(context, SignUpHandler.Reading(context), ct); // before the reading can remove it
        var queued = modelCalls.TryQueue(completion, context.RequestId, async (scope, token) => await scope.GetRequiredService<OutcomeRecorder>().Record(context,
            await ReadAndApply(scope.GetRequiredService<ISignUpReplyReader>(), scope.GetRequiredService<SignUpHandler>(), token), token));
        if (!queued) return await ReadAndApply(replies, signUps, ct);
        return Outcome.AlreadySaid; // 👀 was; the reading says the rest
    }
}
