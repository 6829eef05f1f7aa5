using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// The one way out to Telegram. Keeps the rate limits, waits out 429 <c>retry_after</c>, retries transient
/// failures, treats "message is not modified" as success, and follows a group that became a supergroup.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient bot, SendRateLimiter limiter, IOptions<TelegramOptions> options, IOptions<PaymentsOptions> payments,
    SecretRedactor redactor, ILogger<TelegramSender> logger)
{
    // Few: a send that keeps failing goes back to the outbox, which tries again later without holding its chat.
    private readonly int _sendAttempts = Math.Max(1, options.Value.SendAttempts);

    /// <summary>Sends an HTML message. Null when Telegram refused it for good (the bot was removed, blocked, …).</summary>
    public Task<Message?> SendText(long chatId, int? threadId, string html, ReplyMarkup? markup = null, int? replyTo = null, CancellationToken ct = default) =>
        Execute(chatId, rateLimited: true, (chat, token) => bot.SendMessage(chat, html, ParseMode.Html,
            replyParameters: replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
            replyMarkup: markup,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
            messageThreadId: threadId,
            cancellationToken: token), ct);

    /// <summary>
    /// Sends a private message to a user. Unlike <see cref="SendText"/> it tells a user who cannot be reached
    /// (never started the bot, or blocked it: Telegram answers 403) from other failures.
    /// </summary>
    public Task<DirectMessage> SendDirect(long userId, string html, ReplyMarkup? markup = null, CancellationToken ct = default) =>
        Direct(userId, (chat, token) => bot.SendMessage(chat, html, ParseMode.Html, replyMarkup: markup,
            linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: token), ct);

    /// <summary>
    /// Sends a Telegram invoice privately (Telegram Stars without a provider token). Unreachable as for
    /// <see cref="SendDirect"/>.
    /// </summary>
    public Task<DirectMessage> SendInvoice(long userId, Core.Features.Invoice invoice, string description, CancellationToken ct)
    {
        var stars = invoice.Currency == Core.Features.Payments.InvoiceSettings.Stars;
        return Direct(userId, (chat, token) => bot.SendInvoice(chat, invoice.Title, description, invoice.Payload, invoice.Currency,
            [new LabeledPrice(invoice.PriceLabel, (int)Core.Features.Payments.PaymentInvoices.MinorUnits(invoice.Amount, invoice.Currency))],
            providerToken: stars ? null : payments.Value.ProviderToken, cancellationToken: token), ct);
    }

    /// <summary>A send to a user's private chat, telling "cannot reach them" (403, chat not found) from other failures.</summary>
    private async Task<DirectMessage> Direct(long userId, Func<long, CancellationToken, Task<Message>> send, CancellationToken ct)
    {
        var unreachable = false;
        var sent = await Execute(userId, rateLimited: true, async (chat, token) =>
        {
            try
            {
                return (Message?)await send(chat, token);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 403 || (e.ErrorCode == 400 && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
            {
                unreachable = true;
                return null;
            }
        }, ct);
        return new DirectMessage(sent, unreachable);
    }

    /// <summary>Gives a Telegram Stars payment back; true when it is given back (now, or already before).</summary>
    public async Task<bool> RefundStarPayment(long userId, string chargeId, CancellationToken ct)
    {
        try
        {
            return await Execute(0, rateLimited: false, async (_, token) =>
            {
                await bot.RefundStarPayment(userId, chargeId, cancellationToken: token);
                return true;
            }, ct);
        }
        catch (ApiRequestException e) when (e.Message.Contains("CHARGE_ALREADY_REFUNDED", StringComparison.Ordinal))
        {
            return true;
        }
    }

    /// <summary>Answers Telegram's pre-checkout query (null: go ahead); once, at once: Telegram waits only 10 seconds.</summary>
    public async Task AnswerPreCheckout(string queryId, string? refusal, CancellationToken ct)
    {
        try
        {
            await Execute(0, rateLimited: false, async (_, token) =>
            {
                await bot.AnswerPreCheckoutQuery(queryId, refusal, cancellationToken: token);
                return true;
            }, ct, maxAttempts: 2);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Could not answer a pre-checkout query: {Error}", redactor.Describe(e));
        }
    }

    /// <summary>Sends a file (e.g. a CSV export). Null when Telegram refused it for good.</summary>
    public Task<Message?> SendDocument(long chatId, string fileName, byte[] content, string? caption, CancellationToken ct) =>
        Execute(chatId, rateLimited: true, (chat, token) =>
        {
            // A fresh stream per attempt: a retry must upload the whole file again.
            var stream = new MemoryStream(content, writable: false);
            return bot.SendDocument(chat, InputFile.FromStream(stream, fileName), caption: caption, cancellationToken: token);
        }, ct);

    /// <summary>Edits a message's text and buttons; an identical edit is not an error.</summary>
    public async Task<bool> EditText(long chatId, int messageId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            var edited = await Execute(chatId, rateLimited: true, (chat, token) => bot.EditMessageText(chat, messageId, html, ParseMode.Html,
                replyMarkup: markup, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: token), ct);
            return edited is not null;
        }
        catch (ApiRequestException e) when (IsNotModified(e))
        {
            return true;
        }
    }

    /// <summary>Puts the bot's reaction on a message (null: removes it); false when Telegram refused (reactions off, message gone).</summary>
    public async Task<bool> SetReaction(long chatId, int messageId, string? emoji, CancellationToken ct) =>
        await Execute(chatId, rateLimited: true, async (chat, token) =>
        {
            await bot.SetMessageReaction(chat, messageId, emoji is null ? [] : [new ReactionTypeEmoji { Emoji = emoji }], cancellationToken: token);
            return true;
        }, ct);

    /// <summary>
    /// Answers a button tap; the member sees <paramref name="text"/> as a short notice. Once, and never an error:
    /// the tap's change is already stored, and Telegram forgets a tap after a few seconds anyway.
    /// </summary>
    public async Task AnswerCallback(string callbackQueryId, string? text, CancellationToken ct)
    {
        try
        {
            await Execute(0, rateLimited: false, async (_, token) =>
            {
                await bot.AnswerCallbackQuery(callbackQueryId, Truncate(text, 200), cancellationToken: token);
                return true;
            }, ct, maxAttempts: 1);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is RequestException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Could not answer a button tap: {Error}", redactor.Describe(e));
        }
    }

    /// <summary>Any other call, with the same retries (not rate-limited: reads and answers).</summary>
    public Task<T?> Call<T>(Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct) =>
        Execute(0, rateLimited: false, (_, token) => call(bot, token), ct);

    /// <summary>
    /// A read that must not hold anything up: one attempt. Null when Telegram refused it; when Telegram could not
    /// be reached, <see cref="TelegramUnreachableException"/>.
    /// </summary>
    public async Task<T?> CallOnce<T>(Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await Execute(0, rateLimited: false, (_, token) => call(bot, token), ct, maxAttempts: 1);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is RequestException or HttpRequestException or TaskCanceledException)
        {
            throw new TelegramUnreachableException(redactor.Describe(e), e);
        }
    }

    private async Task<T?> Execute<T>(long chatId, bool rateLimited, Func<long, CancellationToken, Task<T>> call, CancellationToken ct, int? maxAttempts = null)
    {
        var attempts = maxAttempts ?? _sendAttempts;
        for (var attempt = 1; ; attempt++)
        {
            if (rateLimited) await limiter.Acquire(chatId, ct);
            try
            {
                return await call(chatId, ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < attempts)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                logger.LogWarning("Telegram asked to slow down for {Seconds}s (chat {ChatId})", wait.TotalSeconds, chatId);
                limiter.Pause(chatId, wait);
                if (!rateLimited) await Task.Delay(wait, ct);
            }
            catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is { } newChatId && newChatId != chatId)
            {
                logger.LogInformation("Chat {ChatId} became supergroup {NewChatId}; sending there", chatId, newChatId);
                chatId = newChatId;
            }
            catch (ApiRequestException e) when (e.ErrorCode >= 500 && attempt < attempts)
            {
                await Backoff(attempt, e, ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500 and not 429 && !IsNotModified(e))
            {
                // 400/403: retrying cannot help (bad request, bot removed or blocked). 429 and 5xx past the last
                // attempt are thrown instead: the outbox tries them again later.
                logger.LogWarning("Telegram refused a call to chat {ChatId}: {Code} {Description}", chatId, e.ErrorCode, redactor.Redact(e.Message));
                return default;
            }
            catch (RequestException e) when (e is not ApiRequestException && attempt < attempts && !ct.IsCancellationRequested)
            {
                await Backoff(attempt, e, ct);
            }
            catch (HttpRequestException e) when (attempt < attempts && !ct.IsCancellationRequested)
            {
                await Backoff(attempt, e, ct);
            }
        }
    }

    private async Task Backoff(int attempt, Exception e, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, attempt - 1)));
        logger.LogWarning("Telegram call failed ({Error}); retrying in {Delay}", redactor.Describe(e), delay);
        await Task.Delay(delay, ct);
    }

    private static bool IsNotModified(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>Telegram could not be reached (network, timeout, 5xx) for a call made once.</summary>
public sealed class TelegramUnreachableException : Exception
{
    public TelegramUnreachableException()
    {
    }

    public TelegramUnreachableException(string message) : base(message)
    {
    }

    public TelegramUnreachableException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>The result of a private message: sent, or why not.</summary>
/// <param name="Message">The sent message; null when it was not sent.</param>
/// <param name="Unreachable">Telegram answered 403: the user never started the bot or blocked it.</param>
public sealed record DirectMessage(Message? Message, bool Unreachable)
{
    public bool Sent => Message is not null;
}
