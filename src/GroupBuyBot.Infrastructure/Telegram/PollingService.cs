using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Long-polls Telegram for updates. Each batch is stored in the inbox, with the next offset, in one transaction
/// before the offset moves on; then it is queued for handling and the next poll starts at once: polling never
/// waits for a chat to be handled, only for the backlog to shrink when it is very long.
/// </summary>
public sealed class PollingService(
    PollingClient polling,
    ITelegramBotClient bot,
    BotIdentity identity,
    UpdateInbox inbox,
    ChatQueues queues,
    IOptions<TelegramOptions> options,
    SecretRedactor redactor,
    ILogger<PollingService> logger) : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.ChatMember, UpdateType.PreCheckoutQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Webhook.Enabled) return; // WebhookServer receives the updates instead

        var me = await WithRetries(token => bot.GetMe(token), stoppingToken);
        identity.Id = me.Id;
        identity.Username = me.Username ?? "";
        await WithRetries(async token =>
        {
            await bot.DeleteWebhook(cancellationToken: token);
            return true;
        }, stoppingToken);
        logger.LogInformation("Polling as @{Username}", identity.Username);

        await queues.Started.WaitAsync(stoppingToken);
        var offset = (await inbox.LastPolledUpdateId(stoppingToken) ?? -1) + 1;
        while (!stoppingToken.IsCancellationRequested)
        {
            await queues.WaitForRoom(stoppingToken);
            var updates = await WithRetries(token => polling.Bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, AllowedUpdates, token), stoppingToken);
            if (updates.Length == 0) continue;

            queues.Enqueue(await inbox.Store(updates, polled: true, stoppingToken));
            offset = updates.Max(u => u.Id) + 1;
        }
    }

    /// <summary>Calls Telegram until it answers: network faults and 5xx back off, 429 waits as told.</summary>
    private async Task<T> WithRetries<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is RequestException or HttpRequestException or TaskCanceledException)
            {
                var delay = e is ApiRequestException { Parameters.RetryAfter: { } retryAfter }
                    ? TimeSpan.FromSeconds(retryAfter)
                    : TimeSpan.FromMilliseconds(Math.Min(15_000, 250 * Math.Pow(2, Math.Min(attempt, 10))));
                logger.LogWarning("Telegram call failed ({Error}); retrying in {Delay}", redactor.Describe(e), delay);
                await Task.Delay(delay, ct);
            }
        }
    }
}

/// <summary>The Telegram client that long-polls: its HTTP timeout covers the long poll, unlike the one that sends.</summary>
public sealed class PollingClient(ITelegramBotClient bot)
{
    public ITelegramBotClient Bot => bot;
}
