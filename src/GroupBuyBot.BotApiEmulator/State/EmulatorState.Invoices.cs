using System.Globalization;
using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Invoices and pre-checkout queries: the bot sends an invoice, a member pays, the bot says yes or no.</summary>
public sealed partial class EmulatorState
{
    /// <summary>Telegram refuses an answer to a pre-checkout query later than this after it was sent.</summary>
    public static readonly TimeSpan PreCheckoutAnswerLimit = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, PreCheckoutQueryRecord> _preCheckoutQueries = [];
    private readonly HashSet<(long ChatId, int MessageId, long UserId)> _paidInvoices = [];
    private long _lastPreCheckoutSequence;

    /// <summary>sendInvoice: an invoice message from the bot; <paramref name="markup"/> carries reply_markup, thread and reply.</summary>
    internal JsonObject SendInvoice(string chatId, EmulatedInvoice invoice, OutgoingContent markup)
    {
        var keyboard = ParseReplyMarkup(markup.ReplyMarkup, out _);
        lock (_gate)
        {
            var chat = ResolveChatForBot(chatId);
            var replyTo = ResolveReply(chat, markup.ReplyParameters);
            var message = AppendMessage(chat, id => new MessageRecord
            {
                ChatId = chat.Id,
                MessageId = id,
                From = Bot,
                Date = Now,
                Keyboard = keyboard,
                ReplyToMessageId = replyTo,
                MessageThreadId = ThreadFor(chat, markup.MessageThreadId, replyTo),
                Invoice = invoice,
            });
            return MessageJson(chat, message);
        }
    }

    /// <summary>
    /// The member taps Pay on an invoice message: a <c>pre_checkout_query</c> update is queued and this returns at once.
    /// When the bot answers ok (and the card is not declined) the <c>successful_payment</c> message follows, in the
    /// invoice's chat (the payer's private chat with the bot, or the group the invoice is in).
    /// </summary>
    public InvoicePayment PayInvoice(long chatId, int messageId, long userId, bool cardDeclined = false)
    {
        lock (_gate)
        {
            var user = RequireUserForDriver(userId);
            var chat = RequireChatForDriver(chatId);
            var message = RequireMessageForDriver(chat, messageId);
            var invoice = message.Invoice ?? throw new EmulatorDriverException($"Message {messageId} in chat {chatId} is not an invoice.");
            if (chat.Type == ChatKind.Private && chat.Id != userId)
            {
                throw new EmulatorDriverException($"Only user {chat.Id} can pay in the private chat {chat.Id}.");
            }

            if (_paidInvoices.Contains((chat.Id, messageId, userId)))
            {
                throw new EmulatorDriverException(
                    $"User {userId} already paid invoice {messageId} in chat {chatId}; ReplaySuccessfulPayment delivers that payment again.");
            }

            var id = (5_000_000_000_000_000L + ++_lastPreCheckoutSequence).ToString(CultureInfo.InvariantCulture);
            var query = new PreCheckoutQueryRecord
            {
                Id = id,
                ChatId = chat.Id,
                InvoiceMessageId = messageId,
                From = user,
                Invoice = invoice,
                SentAt = Now,
                CardDeclined = cardDeclined,
            };
            _preCheckoutQueries[id] = query;
            var updateId = EnqueueUpdate("pre_checkout_query", TelegramPaymentJson.PreCheckoutQuery(query, user));
            return new InvoicePayment(id, updateId);
        }
    }

    /// <summary>answerPreCheckoutQuery: once, within <see cref="PreCheckoutAnswerLimit"/> (emulator clock).</summary>
    internal void AnswerPreCheckoutQuery(string preCheckoutQueryId, bool ok, string? errorMessage)
    {
        if (!ok && string.IsNullOrEmpty(errorMessage))
        {
            throw TelegramApiException.BadRequest("error_message is empty");
        }

        lock (_gate)
        {
            if (!_preCheckoutQueries.TryGetValue(preCheckoutQueryId, out var query) || query.Answered || Now - query.SentAt > PreCheckoutAnswerLimit)
            {
                throw TelegramApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            query.Answered = true;
            query.Ok = ok;
            query.ErrorMessage = ok ? null : errorMessage;
            query.AnsweredAt = Now;
            if (ok && !query.CardDeclined)
            {
                query.Payment = CompletePayment(query);
                _paidInvoices.Add((query.ChatId, query.InvoiceMessageId, query.From.Id));
            }

            query.AnswerArrived.TrySetResult();
        }
    }

    /// <summary>The pre-checkout query and the bot's answer so far; null for an unknown id.</summary>
    public PreCheckoutAnswer? GetPreCheckoutAnswer(string preCheckoutQueryId)
    {
        lock (_gate)
        {
            return _preCheckoutQueries.TryGetValue(preCheckoutQueryId, out var query) ? query.ToSnapshot() : null;
        }
    }

    /// <summary>Waits (real time) until the bot has answered the pre-checkout query; a refused late answer does not count.</summary>
    public async Task<PreCheckoutAnswer> WaitForPreCheckoutAnswer(string preCheckoutQueryId, TimeSpan timeout)
    {
        Task answered;
        lock (_gate)
        {
            answered = _preCheckoutQueries.TryGetValue(preCheckoutQueryId, out var query)
                ? query.AnswerArrived.Task
                : throw new EmulatorDriverException($"Pre-checkout query {preCheckoutQueryId} does not exist.");
        }

        try
        {
            await answered.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bot did not answer pre-checkout query {preCheckoutQueryId} within {timeout}.");
        }

        return GetPreCheckoutAnswer(preCheckoutQueryId)!;
    }
}
